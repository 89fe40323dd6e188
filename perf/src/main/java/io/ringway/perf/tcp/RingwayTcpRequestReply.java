package io.ringway.perf.tcp;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.patterns.reqrep.Requester;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.CounterType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
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
import static io.ringway.perf.tcp.TcpSettings.LIMITS;
import static io.ringway.perf.tcp.TcpSettings.MAX_MESSAGE_LENGTH;
import static io.ringway.perf.tcp.TcpSettings.REPLY_TIMEOUT;
import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;

/**
 * Request-reply round trip between two Ringway runtimes in one JVM, bridged over loopback tcp: one sample is one
 * request and its reply, one request in flight.
 * <pre>
 *  +--- runtime "client" -------------------------+  tcp://127.0.0.1   +--- runtime "server" -------------------+
 *  | JMH thread: "client" on callerDispatcher,    |  remote repliers   | remote requesters (binds)              |
 *  |  Requester.request(length bytes)             |------------------->|  link thread -> "echo" mailbox         |
 *  |  invoker("caller").invoke() until the reply  |<-------------------|  "echo" on "replier", BUSY_SPIN:       |
 *  | link thread "rpc~repliers" (connects)        |  HWM 1000 each way |  context.reply(the request)            |
 *  +----------------------------------------------+                    +----------------------------------------+
 * </pre>
 * The correlate-reply operator matches the reply to its pending request: the whole path a Ringway user's remote
 * request takes.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class RingwayTcpRequestReply
{
    private static final String OPERATOR = "rpc";
    static final String REQUESTERS_LINK = OPERATOR + "~requesters";
    static final String REPLIERS_LINK = OPERATOR + "~repliers";

    /** Bytes per request and per reply. */
    @Param({TcpSettings.SMALL, TcpSettings.LARGE})
    public int length;

    private final RuntimeDirectories directories = new RuntimeDirectories();
    private UnsafeBuffer message;
    private Ringway server;
    private Ringway client;
    private AgentInvoker invoker;
    private Client caller;
    private IdleStrategy waiter;
    private long sequence;

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

    /** Starts the server runtime, then the client runtime on the JMH thread, and makes one round trip. */
    @Setup(Level.Trial)
    public void setUp()
    {
        message = TcpSettings.newMessage(length);
        waiter = idle.newStrategy();
        server = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directories.create("server")))
            .dispatcher("replier", idle)
            .actor("echo", TcpEchoActor::new, options -> options.dispatcher("replier"))
            .requestReply(OPERATOR, rr -> rr
                .replier("echo")
                .remoteRequesters(bind(BIND_ENDPOINT))
                .linkLimits(LIMITS)
                .linkIdle(linkIdle)
                .timeout(REPLY_TIMEOUT)
                .maxMessageLength(MAX_MESSAGE_LENGTH))
            .build()
            .start();
        client = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directories.create("client")))
            .callerDispatcher("caller")
            .actor("client", context -> caller = new Client(context.attachment(OPERATOR, Requester.class)),
                options -> options.dispatcher("caller"))
            .requestReply(OPERATOR, rr -> rr
                .requesters("client")
                .remoteRepliers(connect(RingwayTcpPushPull.endpoint(server, REQUESTERS_LINK)))
                .linkLimits(LIMITS)
                .linkIdle(linkIdle)
                .timeout(REPLY_TIMEOUT)
                .maxMessageLength(MAX_MESSAGE_LENGTH))
            .build()
            .start();
        invoker = client.invoker("caller");
        requestReply(); // waits out the connection and handshake
    }

    /** Sends one request and busy-waits its reply. */
    @Benchmark
    public void requestReply()
    {
        final Client caller = this.caller;
        final AgentInvoker invoker = this.invoker;
        final long repliesBefore = caller.replies;
        message.putLong(0, ++sequence);

        final long correlationId = caller.requester.request(message, 0, length);
        if (correlationId < 0)
        {
            throw new IllegalStateException("request failed: " + SendResult.describe(correlationId));
        }
        final IdleStrategy waiter = this.waiter;
        while (caller.replies == repliesBefore)
        {
            waiter.idle(invoker.invoke());
        }
        waiter.reset();
        if (caller.lastCorrelationId != correlationId || caller.lastValue != sequence
            || caller.lastLength != length)
        {
            throw new IllegalStateException("reply " + caller.lastCorrelationId + " (" + caller.lastValue + ", "
                + caller.lastLength + " bytes) to request " + correlationId + " (" + sequence + ", " + length
                + " bytes)");
        }
    }

    /** Closes the client runtime from the thread that drives its caller-run dispatcher, then the server. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        client.close();
        server.close();
        directories.deleteAll();
    }

    /** @return round trips completed, the set-up's included. */
    long roundTrips()
    {
        return sequence;
    }

    /** @return requests the client's link put on the wire. */
    long requestsOnWire()
    {
        return client.linkCounters(REPLIERS_LINK).get(CounterType.SENT);
    }

    /** @return replies the client's link took off the wire. */
    long repliesFromWire()
    {
        return client.linkCounters(REPLIERS_LINK).get(CounterType.RECEIVED);
    }

    /** @return requests the server's link took off the wire. */
    long requestsReceivedByServer()
    {
        return server.linkCounters(REQUESTERS_LINK).get(CounterType.RECEIVED);
    }

    private static final class Client implements Actor
    {
        private final Requester requester;
        private long replies;
        private long lastCorrelationId;
        private long lastValue;
        private int lastLength;

        Client(final Requester requester)
        {
            this.requester = requester;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            lastCorrelationId = header.correlationId();
            // A timeout has an empty body: -1 makes the benchmark fail with both ids in its message.
            lastValue = header.messageType() == PatternMessages.TIMEOUT ? -1 : buffer.getLong(offset);
            lastLength = length;
            replies++;
        }
    }
}
