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
import static io.ringway.perf.patterns.PatternSettings.ROUND_ROBIN_WORKERS;
import static io.ringway.perf.patterns.PatternSettings.WINDOW;

/**
 * Round-robin throughput over 2 workers with JeroMQ inproc PUSH/PULL: messages pushed per microsecond, each
 * received by exactly one PULL socket.
 * <pre>
 *  +------------ JMH thread ------------+  inproc://round-robin  +-- one thread, busy-spinning --------+
 *  | PUSH, SNDHWM 65536                 |----------------------->| PULL0, PULL1, RCVHWM 65536,         |
 *  | send(64 bytes), copied per message |  one pipe per PULL,    | recv(DONTWAIT) each                 |
 *  | at most 65536 in flight (window)   |  PUSH takes turns      +-------------------------------------+
 *  +------------------------------------+
 * </pre>
 * PUSH takes the pipes in turn and skips a full one; the window keeps both below their high-water marks. Each
 * iteration's teardown waits until the PULL sockets together have received every message sent, each its own in
 * order.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class JeroMqRoundRobin
{
    private static final String ENDPOINT = "inproc://round-robin";

    private final byte[] bytes = new byte[MESSAGE_LENGTH];
    private final UnsafeBuffer message = new UnsafeBuffer(bytes);
    private final Receivers receivers = Receivers.shareTheWork(ROUND_ROBIN_WORKERS);
    private ZMQ.Context context;
    private ZMQ.Socket pusher;
    private AgentRunner workerThread;
    private long sent;

    /** Binds the PUSH socket on the JMH thread, starts the workers' thread and waits until both PULLs receive. */
    @Setup(Level.Trial)
    public void setUp()
    {
        context = ZMQ.context(1);
        pusher = context.socket(SocketType.PUSH);
        pusher.setSndHWM(WINDOW);
        pusher.setLinger(0);
        pusher.bind(ENDPOINT);
        workerThread = CoreSettings.startRunner(
            new JeroMqReceivers(context, SocketType.PULL, ENDPOINT, receivers));
        receivers.awaitJoined(this::probe, JOIN_TIMEOUT_NS);
    }

    private void probe()
    {
        message.putLong(0, -1);
        pusher.send(bytes, 0, MESSAGE_LENGTH, 0);
    }

    /** Pushes one message, first waiting while the window is full. */
    @Benchmark
    public void send()
    {
        receivers.awaitRoom(sent);
        message.putLong(0, sent);
        if (!pusher.send(bytes, 0, MESSAGE_LENGTH, 0))
        {
            throw new IllegalStateException("send failed: errno " + pusher.errno());
        }
        sent++;
    }

    /** Fails the run unless the PULL sockets together received every message, each its own in order. */
    @TearDown(Level.Iteration)
    public void awaitWorkers()
    {
        receivers.awaitDelivered(sent, CATCH_UP_TIMEOUT_NS);
    }

    /** Stops the workers' thread (which closes its sockets), closes the PUSH socket and ends the context. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        workerThread.close();
        pusher.close();
        context.term();
    }
}
