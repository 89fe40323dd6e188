package io.ringway.perf.tcp;

import io.ringway.perf.patterns.Receivers;
import io.ringway.runtime.agent.Idle;
import org.agrona.concurrent.AgentRunner;
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
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import zmq.ZError;

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.tcp.TcpSettings.BIND_ENDPOINT;
import static io.ringway.perf.tcp.TcpSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.tcp.TcpSettings.CONNECT_TIMEOUT_NS;
import static io.ringway.perf.tcp.TcpSettings.HIGH_WATER_MARK;

/**
 * Push/pull throughput with raw JeroMQ {@code PUSH}/{@code PULL} over loopback tcp: messages pushed per
 * microsecond, each received in order by the puller.
 * <pre>
 *  +------------ JMH thread ---------------+  tcp://127.0.0.1   +-- one thread, busy-spinning --+
 *  | PUSH (binds), SNDHWM 1000             |------------------->| PULL (connects), RCVHWM 1000  |
 *  | send(length bytes, DONTWAIT), spins   |  JeroMQ I/O thread | recv(DONTWAIT), up to 256 per |
 *  | while EAGAIN (every pipe full)        |  each side         | duty cycle                    |
 *  +---------------------------------------+                    +-------------------------------+
 * </pre>
 * Back-pressure is the window, as for Ringway: a full pipe makes the send return {@code EAGAIN}, and the JMH
 * thread spins, as it spins on Ringway's {@code BACK_PRESSURED}. Each iteration's teardown waits until the
 * puller has every message sent, in order.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class JeroMqTcpPushPull
{
    /** Bytes per message. */
    @Param({TcpSettings.SMALL, TcpSettings.LARGE})
    public int length;

    private final Receivers receivers = Receivers.shareTheWork(1);
    private byte[] bytes;
    private UnsafeBuffer message;
    private ZMQ.Context context;
    private ZMQ.Socket pusher;
    private AgentRunner pullerThread;
    private IdleStrategy waiter;
    private long sent;

    /**
     * What every thread this benchmark chooses for does when it finds nothing to do: the dispatcher or thread at the
     * far end and the JMH thread's waits, the same for both systems. {@code BUSY_SPIN} by default, as in the other
     * suites; {@code -p idle=YIELDING} for a host with fewer free cores than busy threads; tests use
     * {@code BACKOFF}.
     */
    @Param({"BUSY_SPIN"})
    public Idle idle;

    /** Binds the PUSH socket on the JMH thread, starts the puller's thread and waits until a probe crosses. */
    @Setup(Level.Trial)
    public void setUp()
    {
        message = TcpSettings.newMessage(length);
        waiter = idle.newStrategy();
        bytes = message.byteArray();
        context = ZMQ.context(1);
        pusher = context.socket(SocketType.PUSH);
        pusher.setSndHWM(HIGH_WATER_MARK);
        pusher.setLinger(0);
        pusher.bind(BIND_ENDPOINT);
        pullerThread = TcpSettings.start(new JeroMqPuller(context, pusher.getLastEndpoint(), receivers.get(0)), idle);
        receivers.awaitJoined(this::probe, CONNECT_TIMEOUT_NS);
    }

    private void probe()
    {
        message.putLong(0, -1);
        pusher.send(bytes, 0, length, ZMQ.DONTWAIT); // EAGAIN until connected: the next probe tries again
    }

    /** Pushes one message, spinning while the pipe is full. */
    @Benchmark
    public void send()
    {
        message.putLong(0, sent);
        final ZMQ.Socket pusher = this.pusher;
        while (!pusher.send(bytes, 0, length, ZMQ.DONTWAIT))
        {
            if (pusher.errno() != ZError.EAGAIN)
            {
                throw new IllegalStateException("send failed: errno " + pusher.errno());
            }
            waiter.idle();
        }
        waiter.reset();
        sent++;
    }

    /** Fails the run unless the puller got every message sent, in order. */
    @TearDown(Level.Iteration)
    public void awaitPuller()
    {
        receivers.awaitDelivered(sent, CATCH_UP_TIMEOUT_NS);
    }

    /** Stops the puller's thread (which closes its socket), closes the PUSH socket and ends the context. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        pullerThread.close();
        pusher.close();
        context.term();
    }

    /** @return the endpoint the PUSH socket bound. */
    String endpoint()
    {
        return pusher.getLastEndpoint();
    }

    /** @return messages the puller counted, probes excluded. */
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
