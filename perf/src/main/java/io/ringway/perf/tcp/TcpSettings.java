package io.ringway.perf.tcp;

import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.LinkLimits;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.UnsafeBuffer;

import java.time.Duration;

/**
 * The shape shared by every tcp benchmark, so that Ringway's bridge and raw JeroMQ differ only in themselves:
 * the same loopback endpoint, the same high-water mark on every socket, the same message sizes.
 */
public final class TcpSettings
{
    /** Every socket binds here; the operating system picks the port. */
    public static final String BIND_ENDPOINT = "tcp://127.0.0.1:*";

    /** The JMH parameter that sets the message length in bytes. */
    public static final String LENGTH_PARAM = "length";

    /** The message lengths measured; the largest is {@link #MAX_MESSAGE_LENGTH}. */
    public static final String SMALL = "64";

    /** The large message length, 1 KiB. */
    public static final String LARGE = "1024";

    /** The largest message any ring or socket of these benchmarks carries. */
    public static final int MAX_MESSAGE_LENGTH = 1024;

    /** Ringway's link bounds: its defaults, whose high-water mark the JeroMQ sockets get too. */
    public static final LinkLimits LIMITS = LinkLimits.DEFAULTS;

    /** Messages queued per peer, each way, on every socket of both systems. */
    public static final int HIGH_WATER_MARK = LIMITS.highWaterMark();

    /**
     * Slots of each Ringway ring on a throughput path (the sending port, the receiving mailbox): the power of two
     * nearest the high-water mark, so that the rings in front of and behind the wire hold about what a JeroMQ
     * socket's pipe does.
     */
    public static final int RING_SLOTS = 1024;

    /** How long a throughput iteration's teardown waits for the receiver to catch up before failing the run. */
    public static final long CATCH_UP_TIMEOUT_NS = 10_000_000_000L;

    /**
     * The handshake timer of the raw JeroMQ sockets that connect. JeroMQ 0.6.0 sometimes stalls a fresh connect
     * until that timer (30 s by default) retries it (jeromq#1022, docs/WIRE.md): 1 s keeps such a stall short and
     * out of the measurement.
     */
    public static final int JEROMQ_HANDSHAKE_IVL_MS = 1_000;

    /** How long set-up waits for the first message to cross (the tcp connection and ZMTP handshake). */
    public static final long CONNECT_TIMEOUT_NS = 10_000_000_000L;

    /** Request deadline. Never reached in a healthy run: a benchmark that sees a timeout fails rather than time it. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    private TcpSettings()
    {
    }

    /**
     * Runs a JeroMQ peer the way a Ringway dispatcher runs: an {@link AgentRunner} on a daemon thread.
     *
     * @param agent the peer's duty cycle.
     * @param idle  what it does when a duty cycle finds nothing: the benchmark's, as for Ringway's dispatchers.
     * @return the runner, to {@code close()} at teardown.
     */
    static AgentRunner start(final Agent agent, final Idle idle)
    {
        final AgentRunner runner = new AgentRunner(idle.newStrategy(), Throwable::printStackTrace, null, agent);
        final Thread thread = new Thread(runner, agent.roleName());
        thread.setDaemon(true);
        thread.start();
        return runner;
    }

    /**
     * @param length bytes.
     * @return a message of that many bytes, the first 8 of which carry a sequence number.
     * @throws IllegalArgumentException if length is under 8 or over {@link #MAX_MESSAGE_LENGTH}.
     */
    public static UnsafeBuffer newMessage(final int length)
    {
        if (length < Long.BYTES || length > MAX_MESSAGE_LENGTH)
        {
            throw new IllegalArgumentException("message length " + length + " not in [8, " + MAX_MESSAGE_LENGTH + "]");
        }
        return new UnsafeBuffer(new byte[length]);
    }
}
