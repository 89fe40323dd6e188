package io.ringway.perf.tcp;

import io.ringway.perf.patterns.Receivers;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.tcp.TcpSettings.BIND_ENDPOINT;
import static io.ringway.perf.tcp.TcpSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.tcp.TcpSettings.CONNECT_TIMEOUT_NS;
import static io.ringway.perf.tcp.TcpSettings.LIMITS;
import static io.ringway.perf.tcp.TcpSettings.MAX_MESSAGE_LENGTH;
import static io.ringway.perf.tcp.TcpSettings.RING_SLOTS;

/**
 * Push/pull throughput between two Ringway runtimes in one JVM, bridged over loopback tcp: messages offered per
 * microsecond (= millions per second), each received in order by the remote actor.
 * <pre>
 *  +--- runtime "push" ----------------------------+  tcp://127.0.0.1   +--- runtime "pull" ---------------------+
 *  | JMH thread: port "out".offer(length bytes),   |  DISTRIBUTE (binds) | COLLECT (connects), link thread        |
 *  | spins while BACK_PRESSURED                    |------------------->|   -> "receiver" mailbox 1024 slots     |
 *  | link thread: port (1024 slots) -> PUSH socket |  HWM 1000 each way | dispatcher "receiver", BUSY_SPIN       |
 *  +-----------------------------------------------+                    +----------------------------------------+
 * </pre>
 * The receiver's dispatcher waits as {@link #idle} says (busy-spin by default), as the JeroMQ puller's thread does;
 * both link threads as {@link #linkIdle} says (back-off by default, as JeroMQ's I/O threads sleep).
 * <p>
 * Back-pressure is the window: a full socket stops the link reading the port, and a full port refuses the offer.
 * Each iteration's teardown waits until the receiver has every message sent, in order.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class RingwayTcpPushPull
{
    private static final String OUT = "out";
    private static final String IN = "in";

    /** Bytes per message. */
    @Param({TcpSettings.SMALL, TcpSettings.LARGE})
    public int length;

    private final Receivers receivers = Receivers.shareTheWork(1);
    private final RuntimeDirectories directories = new RuntimeDirectories();
    private UnsafeBuffer message;
    private Ringway pusher;
    private Ringway puller;
    private ActorRef port;
    private IdleStrategy waiter;
    private long sent;

    /**
     * What the application threads do when they find nothing to do: the dispatcher or thread at the far end and the
     * JMH thread's waits, the same for both systems (JeroMQ's pollers). {@code BUSY_SPIN} by default, as in the
     * other suites; {@code -p idle=YIELDING} for a host with fewer free cores than busy threads; tests use
     * {@code BACKOFF}.
     */
    @Param({"BUSY_SPIN"})
    public Idle idle;

    /**
     * How both link threads wait: {@code BACKOFF}, Ringway's default, by default. They stand where JeroMQ's I/O
     * threads do, which sleep in {@code epoll}; spinning them too puts 6 busy threads against JeroMQ's 3, which
     * on 2 cores made every row worse (perf/RESULTS.md, "Link idle strategy configurable").
     */
    @Param({"BACKOFF"})
    public Idle linkIdle;

    /** Starts the pushing runtime, then the pulling one connected to it, and waits until a probe crosses. */
    @Setup(Level.Trial)
    public void setUp()
    {
        message = TcpSettings.newMessage(length);
        waiter = idle.newStrategy();
        pusher = Ringway.builder()
            .runtimeDirectory(directories.create("push"))
            .link(new LinkSpec(OUT, LinkShape.DISTRIBUTE).bind(BIND_ENDPOINT).port(RING_SLOTS, MAX_MESSAGE_LENGTH)
                .limits(LIMITS).idle(linkIdle))
            .build()
            .start();
        port = pusher.actor(OUT);
        puller = Ringway.builder()
            .runtimeDirectory(directories.create("pull"))
            .dispatcher("receiver", idle)
            .actor("receiver", context -> new TcpCountingActor(receivers.get(0)), options -> options
                .dispatcher("receiver")
                .singleProducer()
                .ringSize(RING_SLOTS)
                .maxMessageLength(MAX_MESSAGE_LENGTH))
            .link(new LinkSpec(IN, LinkShape.COLLECT).connect(endpoint(pusher, OUT)).deliverTo("receiver")
                .limits(LIMITS).idle(linkIdle))
            .build()
            .start();
        receivers.awaitJoined(this::probe, CONNECT_TIMEOUT_NS);
    }

    static String endpoint(final Ringway ringway, final String linkName)
    {
        return ((ZmqLink)ringway.link(linkName)).endpoints().get(0).endpoint().toString();
    }

    private void probe()
    {
        message.putLong(0, -1);
        port.offer(message, 0, length); // BACK_PRESSURED until the handshake is done: the next probe tries again
    }

    /** Offers one message to the link's port, spinning while the port is full. */
    @Benchmark
    public void send()
    {
        final UnsafeBuffer message = this.message;
        message.putLong(0, sent);
        long result;
        while ((result = port.offer(message, 0, length)) == SendResult.BACK_PRESSURED)
        {
            waiter.idle();
        }
        waiter.reset();
        if (result < 0)
        {
            throw new IllegalStateException("send failed: " + SendResult.describe(result));
        }
        sent++;
    }

    /** Fails the run unless the receiver got every message sent, in order. */
    @TearDown(Level.Iteration)
    public void awaitReceiver()
    {
        receivers.awaitDelivered(sent, CATCH_UP_TIMEOUT_NS);
    }

    /** Closes the pulling runtime, then the pushing one. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        puller.close();
        pusher.close();
        directories.deleteAll();
    }

    /** @return messages the pulling link took off the wire, probes included. */
    long receivedFromWire()
    {
        return puller.linkCounters(IN).get(CounterType.RECEIVED);
    }

    /** @return messages the pushing link put on the wire, probes included. */
    long sentOnWire()
    {
        return pusher.linkCounters(OUT).get(CounterType.SENT);
    }

    /** @return messages the receiver counted, probes excluded. */
    long delivered()
    {
        return receivers.floor();
    }

    /** @return messages sent by {@link #send()}. */
    long sent()
    {
        return sent;
    }
}
