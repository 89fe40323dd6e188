package io.ringway.transport;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.zmq.ZmqLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bytes no ZeroMQ library sends, written with a raw socket to a bound collector. Each must close that connection
 * only, be counted, and allocate nothing large; a well-behaved peer keeps working afterwards.
 */
class MalformedInputTest
{
    private static final int MAX_MESSAGE_LENGTH = 1024;
    /** The link's frame limit: the ring's largest message plus room for CURVE's box. */
    private static final int WIRE_LIMIT = MAX_MESSAGE_LENGTH + 64;
    private static final long LARGE_BYTES = 64L << 20;

    @TempDir
    Path runtimeDirectory;

    private Ringway ringway;
    private ZmqLink link;
    private int port;
    private final List<String> received = Recorder.newLog();

    @BeforeEach
    void bindCollector()
    {
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("worker", context -> new Recorder(received), actor -> actor.maxMessageLength(MAX_MESSAGE_LENGTH))
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("tcp://127.0.0.1:*").deliverTo("worker")
                .limits(new LinkLimits(500, 1_000, 0, 0, 1_000))) // no heartbeats: no timeout closes anything here
            .build()
            .start();
        link = (ZmqLink)ringway.link("in");
        port = link.endpoints().get(0).endpoint().port();
    }

    @AfterEach
    void close()
    {
        ringway.close();
    }

    @Test
    void shouldCloseAConnectionThatSendsGarbageBeforeTheGreeting()
    {
        final long allocated = allocatedBytes();
        try (RawZmtpPeer garbage = new RawZmtpPeer(port))
        {
            garbage.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(garbage.awaitClosedByPeer(5_000), "the bridge closes the connection");
        }
        Await.until(() -> link.disconnects() == 1, () -> "disconnects: " + link.disconnects());
        assertEquals(0, link.handshakes(), "garbage never completes a handshake (ZMTP 1.0 is refused)");
        assertOtherPeersStillWork();
        assertTrue(allocatedBytes() - allocated < LARGE_BYTES, "nothing large allocated");
        assertTrue(received.stream().noneMatch(message -> message.contains("GET")), "garbage is never delivered");
    }

    @Test
    void shouldRefuseAFrameSizeWithItsTopBitSetWithoutStoppingTheIoThread()
    {
        final long allocated = allocatedBytes();
        try (ZMQ.Context context = ZMQ.context(1); ZMQ.Socket bystander = context.socket(SocketType.PUSH))
        {
            bystander.connect("tcp://127.0.0.1:" + port);
            bystander.send("warm-up");
            Await.until(() -> received.size() == 1, () -> "bystander not yet connected: " + received);
            for (final long size : new long[] { 0xFFFF_FFFF_FFFF_FFFFL, 0xFFFF_FFFF_7FFF_FFFFL })
            {
                try (RawZmtpPeer attacker = new RawZmtpPeer(port))
                {
                    final long refused = link.framesRefused();
                    attacker.greet("PUSH").longFrameHeader(size).send(new byte[64]);
                    Await.until(() -> link.framesRefused() == refused + 1, () -> "refused " + link.framesRefused());

                    // While the attacker's connection is still open, a peer on the same I/O thread is served.
                    final int before = received.size();
                    final long startNs = System.nanoTime();
                    bystander.send("during");
                    Await.until(() -> received.size() == before + 1, () -> "bystander starved: " + received);
                    System.out.printf("bystander served %d us after the attack frame%n",
                        (System.nanoTime() - startNs) / 1_000);
                    assertTrue(attacker.awaitClosedByPeer(5_000), "the link closes that connection");
                }
            }

            // An attacker that hangs up at once: JeroMQ's own allocator would leave the I/O thread spinning here.
            try (RawZmtpPeer attacker = new RawZmtpPeer(port))
            {
                attacker.greet("PUSH").longFrameHeader(-1L).send(new byte[64]);
            }
            final int before = received.size();
            bystander.send("after hang-up");
            Await.until(() -> received.size() == before + 1, () -> "bystander starved: " + received);
            bystander.setLinger(0);
        }
        Await.until(() -> link.framesRefused() == 3, () -> "refused " + link.framesRefused());
        Await.until(() -> ringway.linkCounters("in").get(CounterType.ERRORS) >= 3,
            () -> "errors: " + ringway.linkCounters("in").get(CounterType.ERRORS));
        assertOtherPeersStillWork();
        assertTrue(allocatedBytes() - allocated < LARGE_BYTES, "nothing large allocated");
        assertTrue(received.stream().noneMatch(String::isEmpty),
            "the attacker's bytes after the refused size are dropped with its connection: " + received);
    }

    @Test
    void shouldCloseAConnectionThatDeclaresTwoGigabytesAndSendsNothing()
    {
        final long allocated = allocatedBytes();
        try (RawZmtpPeer attacker = new RawZmtpPeer(port))
        {
            attacker.greet("PUSH").longFrameHeader(Integer.MAX_VALUE);
            assertTrue(attacker.awaitClosedByPeer(5_000), "over MAXMSGSIZE: closed at once");
        }
        Await.until(() -> link.disconnects() == 1, () -> "disconnects: " + link.disconnects());
        assertOtherPeersStillWork();
        assertTrue(allocatedBytes() - allocated < LARGE_BYTES, "nothing large allocated");
    }

    @Test
    void shouldCloseAConnectionThatSendsAMessageOverTheMaximum()
    {
        try (RawZmtpPeer attacker = new RawZmtpPeer(port))
        {
            attacker.greet("PUSH").longFrameHeader(WIRE_LIMIT + 1).send(new byte[WIRE_LIMIT + 1]);
            assertTrue(attacker.awaitClosedByPeer(5_000), "over MAXMSGSIZE: closed at once");
        }
        Await.until(() -> link.disconnects() == 1, () -> "disconnects: " + link.disconnects());
        assertOtherPeersStillWork();
        assertEquals(List.of("ok"), received, "nothing of the oversized message was delivered");
    }

    @Test
    void shouldDropAndCountAMessageOverTheRingsMaximumButWithinTheFrameLimit()
    {
        try (RawZmtpPeer peer = new RawZmtpPeer(port))
        {
            peer.greet("PUSH").longFrameHeader(MAX_MESSAGE_LENGTH + 1).send(new byte[MAX_MESSAGE_LENGTH + 1]);
            Await.until(() -> ringway.linkCounters("in").get(CounterType.DROPPED) == 1,
                () -> "dropped " + ringway.linkCounters("in").get(CounterType.DROPPED));
            peer.frame("ok".getBytes(StandardCharsets.US_ASCII));
            Await.until(() -> received.size() == 1, () -> "received " + received);
        }
        assertEquals(List.of("ok"), received, "refused by the ring with MESSAGE_TOO_LARGE; the connection carries on");
    }

    private void assertOtherPeersStillWork()
    {
        final int before = received.size();
        try (RawZmtpPeer good = new RawZmtpPeer(port))
        {
            good.greet("PUSH").frame("ok".getBytes(StandardCharsets.US_ASCII));
            Await.until(() -> received.size() == before + 1, () -> "received " + received);
        }
        assertEquals("ok", received.get(before));
    }

    /** Bytes allocated so far by every live thread of this JVM. */
    private static long allocatedBytes()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long total = 0;
        for (final long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
        {
            total += Math.max(0, allocated);
        }
        return total;
    }
}
