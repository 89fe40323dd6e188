package io.ringway.perf.patterns;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.patterns.reqrep.Requester;
import io.ringway.perf.core.CoreSettings;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
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

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;
import static io.ringway.perf.patterns.PatternSettings.REPLY_TIMEOUT;
import static io.ringway.perf.patterns.PatternSettings.ROUND_TRIP_RING_SLOTS;

/**
 * Request-reply round trip through the correlate-reply operator: one sample is one request and its reply, one
 * request in flight.
 * <pre>
 *  +--------------- JMH thread ----------------+  request, id n  +------- dispatcher "replier" -------+
 *  | "client" on callerDispatcher("caller")     |---------------->| "echo", mailbox 1024 slots,        |
 *  |  Requester.request(64 bytes)               |                 | single producer                    |
 *  |                                            |  reply, id n    |  context.reply(the request)        |
 *  |  "client.gateway" address <----------------+-----------------+  own thread, BUSY_SPIN             |
 *  |  invoker("caller").invoke() until reply n  |                 +------------------------------------+
 *  +--------------------------------------------+
 * </pre>
 * The operator matches the reply to its pending request, removes it from its table and delivers it to the
 * client's handler: the whole path a Ringway user's request takes.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class RingwayRequestReply
{
    private static final String OPERATOR = "gateway";

    private final UnsafeBuffer message = CoreSettings.newMessage();
    private Ringway ringway;
    private AgentInvoker invoker;
    private Client client;
    private long sequence;

    /** Starts the runtime on the JMH thread, which creates the client and drives its dispatcher. */
    @Setup(Level.Trial)
    public void setUp()
    {
        ringway = Topology.builder()
            .callerDispatcher("caller")
            .dispatcher("replier", CoreSettings.IDLE)
            .actor("client", context -> client = new Client(context.attachment(OPERATOR, Requester.class)),
                options -> options.dispatcher("caller"))
            .actor("echo", EchoActor::new, options -> options
                .dispatcher("replier")
                .singleProducer()
                .ringSize(ROUND_TRIP_RING_SLOTS)
                .maxMessageLength(MESSAGE_LENGTH))
            .requestReply(OPERATOR, rr -> rr
                .requesters("client")
                .replier("echo")
                .timeout(REPLY_TIMEOUT)
                .maxMessageLength(MESSAGE_LENGTH)
                .replyRingSize(ROUND_TRIP_RING_SLOTS))
            .build()
            .start();
        invoker = ringway.invoker("caller");
    }

    /** Sends one request and busy-waits its reply. */
    @Benchmark
    public void requestReply()
    {
        final Client client = this.client;
        final AgentInvoker invoker = this.invoker;
        final long repliesBefore = client.replies;
        message.putLong(0, ++sequence);

        final long correlationId = client.requester.request(message, 0, MESSAGE_LENGTH);
        if (correlationId < 0)
        {
            throw new IllegalStateException("request failed: " + SendResult.describe(correlationId));
        }
        while (client.replies == repliesBefore)
        {
            if (invoker.invoke() == 0)
            {
                Thread.onSpinWait();
            }
        }
        if (client.lastCorrelationId != correlationId || client.lastValue != sequence)
        {
            throw new IllegalStateException("reply " + client.lastCorrelationId + " (" + client.lastValue
                + ") to request " + correlationId + " (" + sequence + ")");
        }
    }

    /** Closes the runtime from the thread that drives its caller-run dispatcher. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        ringway.close();
    }

    private static final class Client implements Actor
    {
        private final Requester requester;
        private long replies;
        private long lastCorrelationId;
        private long lastValue;

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
            replies++;
        }
    }
}
