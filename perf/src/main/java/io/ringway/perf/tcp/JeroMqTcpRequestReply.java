package io.ringway.perf.tcp;

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

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.tcp.TcpSettings.BIND_ENDPOINT;
import static io.ringway.perf.tcp.TcpSettings.HIGH_WATER_MARK;
import static io.ringway.perf.tcp.TcpSettings.MAX_MESSAGE_LENGTH;

/**
 * Request-reply round trip with raw JeroMQ {@code REQ}/{@code REP} over loopback tcp: one sample is one request
 * and its reply, one request in flight.
 * <pre>
 *  +------------ JMH thread ------------+  tcp://127.0.0.1   +-- one thread, busy-spinning ----+
 *  | REQ (binds), HWM 1000              |------------------->| REP (connects), HWM 1000        |
 *  | send(length bytes)                 |  JeroMQ I/O thread | recv(DONTWAIT), send the copy   |
 *  | recv(DONTWAIT) until the reply <---+--------------------+                                 |
 *  +------------------------------------+  each side         +---------------------------------+
 * </pre>
 * REQ/REP is ZeroMQ's correlate-reply with one request in flight, which is what the Ringway benchmark asks of its
 * requester.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class JeroMqTcpRequestReply
{
    /** Bytes per request and per reply. */
    @Param({TcpSettings.SMALL, TcpSettings.LARGE})
    public int length;

    private final byte[] reply = new byte[MAX_MESSAGE_LENGTH];
    private final UnsafeBuffer replyView = new UnsafeBuffer(reply);
    private byte[] bytes;
    private UnsafeBuffer message;
    private ZMQ.Context context;
    private ZMQ.Socket requester;
    private AgentRunner replierThread;
    private IdleStrategy waiter;
    private long sequence;

    /**
     * What every thread this benchmark chooses for does when it finds nothing to do: the dispatcher or thread at the
     * far end and the JMH thread's waits, the same for both systems. {@code BUSY_SPIN} by default, as in the other
     * suites; {@code -p idle=YIELDING} for a host with fewer free cores than busy threads; tests use
     * {@code BACKOFF}.
     */
    @Param({"BUSY_SPIN"})
    public Idle idle;

    /** Binds the REQ socket on the JMH thread, starts the replier's thread and makes one round trip. */
    @Setup(Level.Trial)
    public void setUp()
    {
        message = TcpSettings.newMessage(length);
        waiter = idle.newStrategy();
        bytes = message.byteArray();
        context = ZMQ.context(1);
        requester = context.socket(SocketType.REQ);
        requester.setSndHWM(HIGH_WATER_MARK);
        requester.setRcvHWM(HIGH_WATER_MARK);
        requester.setLinger(0);
        requester.bind(BIND_ENDPOINT);
        replierThread = TcpSettings.start(new JeroMqReplier(context, requester.getLastEndpoint()), idle);
        requestReply(); // the REQ socket queues the request until the replier connects
    }

    /** Sends one request and busy-waits its reply. */
    @Benchmark
    public void requestReply()
    {
        final ZMQ.Socket requester = this.requester;
        message.putLong(0, ++sequence);
        if (!requester.send(bytes, 0, length, 0))
        {
            throw new IllegalStateException("request failed: errno " + requester.errno());
        }
        final IdleStrategy waiter = this.waiter;
        int replyLength;
        while ((replyLength = requester.recv(reply, 0, MAX_MESSAGE_LENGTH, ZMQ.DONTWAIT)) < 0)
        {
            waiter.idle();
        }
        waiter.reset();
        if (replyLength != length || replyView.getLong(0) != sequence)
        {
            throw new IllegalStateException("reply " + replyView.getLong(0) + " (" + replyLength
                + " bytes) to request " + sequence + " (" + length + " bytes)");
        }
    }

    /** Stops the replier's thread (which closes its socket), closes the REQ socket and ends the context. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        replierThread.close();
        requester.close();
        context.term();
    }

    /** @return the endpoint the REQ socket bound. */
    String endpoint()
    {
        return requester.getLastEndpoint();
    }

    /** @return round trips completed, the set-up's included. */
    long roundTrips()
    {
        return sequence;
    }
}
