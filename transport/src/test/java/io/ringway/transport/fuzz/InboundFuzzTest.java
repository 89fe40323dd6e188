package io.ringway.transport.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.fuzz.FuzzedBridge.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bytes from the network into the bridge's inbound path: each input picks one of three bound links (PULL, SUB,
 * ROUTER), what to send first (nothing, a ZMTP greeting, or a greeting and a READY a peer of that link would
 * send), and the bytes after it, written by a fresh raw TCP connection ({@link FuzzedBridge}). After each input:
 * <ul>
 *     <li>a probe from that link's well-behaved peer arrives (and, for the ROUTER, its reply comes back) while
 *     the input's connection is open, and again after the bridge has closed it;</li>
 *     <li>every bridge thread (links, JeroMQ I/O threads, reapers) is alive;</li>
 *     <li>the bridge's threads allocated no more than the input could ask for within the frame limit: at most
 *     {@link #BYTES_PER_INPUT_BYTE} per byte sent plus {@link #BYTES_PER_CONNECTION}. This catches the
 *     allocations of the size bugs (a top-bit or overflowed size buys up to 2 GiB with one 9-byte header); a size
 *     just over the limit is the allocator's to refuse, which {@code framesRefused} shows. An input over budget is
 *     fed a second time, since the first use of a path also loads (and, while fuzzing, instruments) classes on
 *     the bridge's threads;</li>
 *     <li>frames refused for an impossible size are each counted as an error on the link;</li>
 *     <li>the link's {@code received} counter equals what its actor was delivered.</li>
 * </ul>
 * One runtime serves every input. Jazzer's SSRF detector, which reports every connection while fuzzing, is off for
 * this module ({@code junit-platform.properties}): connecting is this target's point. Without {@code JAZZER_FUZZ} this runs the inputs kept under
 * {@code InboundFuzzTestInputs} as a regression test; docs/FUZZING.md gives the command that fuzzes it.
 */
class InboundFuzzTest
{
    /**
     * A frame header of 2 bytes may declare up to 255 bytes, one of 9 bytes up to the frame limit; with JeroMQ's
     * frame object, its buffer wrapper and the array header, no byte sent buys more than about 190 bytes.
     */
    static final long BYTES_PER_INPUT_BYTE = 256;
    /** What one connection costs the bridge whatever it sends: JeroMQ's engine, session, pipes and buffers. */
    static final long BYTES_PER_CONNECTION = 1L << 20;

    @TempDir
    static Path runtimeDirectory;

    private static FuzzedBridge bridge;

    @BeforeAll
    static void startBridge()
    {
        bridge = new FuzzedBridge(runtimeDirectory);
    }

    @AfterAll
    static void closeBridge()
    {
        if (null != bridge)
        {
            bridge.close();
        }
    }

    @FuzzTest(maxDuration = "5m")
    void shouldKeepServingWhateverArrives(final FuzzedDataProvider data)
    {
        final Target target = Target.values()[data.consumeInt(0, Target.values().length - 1)];
        final int preambleKind = data.consumeInt(0, 2);
        final byte[] preamble = preambleKind == 0 ? new byte[0]
            : preambleKind == 1 ? ZmtpPreamble.greeting() : ZmtpPreamble.greetingAndReady(target.peerType);
        final byte[] bytes = data.consumeRemainingAsBytes();

        final long budget = BYTES_PER_CONNECTION + BYTES_PER_INPUT_BYTE * (preamble.length + bytes.length);
        long allocatedBytes = feedAndCheck(target, preamble, preambleKind == 2, bytes);
        if (allocatedBytes > budget)
        {
            // The first input down a new path also loads its classes on the bridge's threads (and, while fuzzing,
            // instruments them: megabytes). That happens once; an allocation the input causes happens again.
            allocatedBytes = feedAndCheck(target, preamble, preambleKind == 2, bytes);
        }
        assertTrue(allocatedBytes <= budget,
            target + ": the bridge allocated " + allocatedBytes + " bytes for " + preamble.length + " + " + bytes.length
                + " bytes of input");
    }

    /** @return what the bridge's threads allocated while the input was fed and the probe answered. */
    private static long feedAndCheck(
        final Target target, final byte[] preamble, final boolean handshake, final byte[] bytes)
    {
        final long errors = bridge.counters(target).get(CounterType.ERRORS);
        final long refused = bridge.link(target).framesRefused();
        final long allocated = bridge.bridgeAllocatedBytes();

        bridge.feed(target, preamble, handshake, bytes);
        for (final Thread thread : bridge.bridgeThreads())
        {
            assertTrue(thread.isAlive(), "bridge thread " + thread.getName() + " died");
        }
        assertTrue(bridge.probe(target), target + ": the well-behaved peer is served after the input");
        final long allocatedBytes = bridge.bridgeAllocatedBytes() - allocated;

        final long refusedFrames = bridge.link(target).framesRefused() - refused;
        assertTrue(FuzzedBridge.await(() -> bridge.counters(target).get(CounterType.ERRORS) - errors >= refusedFrames),
            target + ": " + refusedFrames + " refused frames, errors counted " + (bridge.counters(target)
                .get(CounterType.ERRORS) - errors));
        assertTrue(bridge.countersMatchDeliveries(target), target + ": received " + bridge.counters(target)
            .get(CounterType.RECEIVED) + ", delivered " + bridge.actor(target).delivered());
        return allocatedBytes;
    }
}
