package io.ringway.perf.patterns;

import io.ringway.perf.core.CoreSettings;
import org.agrona.concurrent.AgentRunner;
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
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.patterns.PatternSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.patterns.PatternSettings.JOIN_TIMEOUT_NS;
import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;
import static io.ringway.perf.patterns.PatternSettings.WINDOW;

/**
 * Fan-out throughput with JeroMQ inproc PUB/SUB: messages published per microsecond, every subscriber receiving
 * every one of them.
 * <pre>
 *  +------------ JMH thread ------------+  inproc://fan-out   +-- one thread, busy-spinning -----------+
 *  | PUB, SNDHWM 65536                  |-------------------->| SUB0 .. SUB{n-1}, RCVHWM 65536,        |
 *  | send(64 bytes), copied per message |  one pipe per SUB   | subscribed to "", recv(DONTWAIT) each  |
 *  | at most 65536 in flight (window)   |                     +----------------------------------------+
 *  +------------------------------------+
 * </pre>
 * A PUB socket drops, silently, what a subscriber's full pipe cannot take. Here the window keeps every pipe
 * below its high-water mark, and each iteration's teardown fails the run if any subscriber lost a message (its
 * count short of what was sent, or a gap in the sequence numbers), so what is measured is lossless delivery, as
 * with Ringway's lossless subscribers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class JeroMqFanOut
{
    private static final String ENDPOINT = "inproc://fan-out";

    /** SUB sockets. */
    @Param({"1", "2", "4"})
    public int subscribers;

    private final byte[] bytes = new byte[MESSAGE_LENGTH];
    private final UnsafeBuffer message = new UnsafeBuffer(bytes);
    private Receivers receivers;
    private ZMQ.Context context;
    private ZMQ.Socket publisher;
    private AgentRunner subscriberThread;
    private long sent;

    /** Binds the PUB socket on the JMH thread, starts the subscribers' thread and waits for every subscription. */
    @Setup(Level.Trial)
    public void setUp()
    {
        receivers = Receivers.eachReceivesAll(subscribers);
        context = ZMQ.context(1);
        publisher = context.socket(SocketType.PUB);
        publisher.setSndHWM(WINDOW);
        publisher.setLinger(0);
        publisher.bind(ENDPOINT);
        subscriberThread = CoreSettings.startRunner(
            new JeroMqReceivers(context, SocketType.SUB, ENDPOINT, receivers));
        receivers.awaitJoined(this::probe, JOIN_TIMEOUT_NS);
    }

    private void probe()
    {
        message.putLong(0, -1);
        publisher.send(bytes, 0, MESSAGE_LENGTH, 0);
    }

    /** Publishes one message, first waiting while the window is full. */
    @Benchmark
    public void publish()
    {
        receivers.awaitRoom(sent);
        message.putLong(0, sent);
        if (!publisher.send(bytes, 0, MESSAGE_LENGTH, 0))
        {
            throw new IllegalStateException("send failed: errno " + publisher.errno());
        }
        sent++;
    }

    /** Fails the run unless every subscriber received every message, in order: a dropped message fails it. */
    @TearDown(Level.Iteration)
    public void awaitSubscribers()
    {
        receivers.awaitDelivered(sent, CATCH_UP_TIMEOUT_NS);
    }

    /** Stops the subscribers' thread (which closes its sockets), closes the PUB socket and ends the context. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        subscriberThread.close();
        publisher.close();
        context.term();
    }
}
