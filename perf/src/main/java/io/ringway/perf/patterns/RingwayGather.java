package io.ringway.perf.patterns;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.patterns.gather.GatherResult;
import io.ringway.patterns.gather.Gatherer;
import io.ringway.perf.core.CoreSettings;
import io.ringway.runtime.ActorOptions;
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

import static io.ringway.perf.patterns.PatternSettings.GATHER_MEMBERS;
import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;
import static io.ringway.perf.patterns.PatternSettings.REPLY_TIMEOUT;
import static io.ringway.perf.patterns.PatternSettings.ROUND_TRIP_RING_SLOTS;

/**
 * Gather over 3 members: one sample is one scatter and the complete gather of all three replies, one gather in
 * flight.
 * <pre>
 *  +--------------- JMH thread ----------------+  scatter, id n   +------ dispatcher "members" ------+
 *  | "client" on callerDispatcher("caller")     |----------------->| "member0" .. "member2",          |
 *  |  Gatherer.scatter(64 bytes), all()         |  (3 copies)      | mailboxes 1024 slots each,       |
 *  |                                            |  3 replies, id n | context.reply(the request)       |
 *  |  "client.quotes" address <-----------------+------------------+ one thread, BUSY_SPIN            |
 *  |  invoker("caller").invoke() until result n |                  +----------------------------------+
 *  +--------------------------------------------+
 * </pre>
 * The operator copies each reply into its gather's slot and delivers one {@code GATHER_RESULT} when the third
 * has come; the benchmark checks that all three answered.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class RingwayGather
{
    private static final String OPERATOR = "quotes";

    private final UnsafeBuffer message = CoreSettings.newMessage();
    private Ringway ringway;
    private AgentInvoker invoker;
    private Client client;
    private long sequence;

    /** Starts the runtime on the JMH thread, which creates the client and drives its dispatcher. */
    @Setup(Level.Trial)
    public void setUp()
    {
        final String[] members = new String[GATHER_MEMBERS];
        for (int i = 0; i < GATHER_MEMBERS; i++)
        {
            members[i] = "member" + i;
        }
        ringway = Topology.builder()
            .callerDispatcher("caller")
            .dispatcher("members", CoreSettings.IDLE)
            .actor("client", context -> client = new Client(context.attachment(OPERATOR, Gatherer.class)),
                options -> options.dispatcher("caller"))
            .actor(members[0], EchoActor::new, RingwayGather::memberOptions)
            .actor(members[1], EchoActor::new, RingwayGather::memberOptions)
            .actor(members[2], EchoActor::new, RingwayGather::memberOptions)
            .gather(OPERATOR, gather -> gather
                .requester("client")
                .members(members)
                .all()
                .deadline(REPLY_TIMEOUT)
                .maxMessageLength(MESSAGE_LENGTH)
                .replyRingSize(ROUND_TRIP_RING_SLOTS))
            .build()
            .start();
        invoker = ringway.invoker("caller");
    }

    private static void memberOptions(final ActorOptions options)
    {
        options.dispatcher("members").singleProducer().ringSize(ROUND_TRIP_RING_SLOTS).maxMessageLength(MESSAGE_LENGTH);
    }

    /** Scatters one request to the three members and busy-waits the complete gather. */
    @Benchmark
    public void gather()
    {
        final Client client = this.client;
        final AgentInvoker invoker = this.invoker;
        final long resultsBefore = client.results;
        message.putLong(0, ++sequence);

        final long gatherId = client.gatherer.scatter(message, 0, MESSAGE_LENGTH);
        if (gatherId < 0)
        {
            throw new IllegalStateException("scatter failed: " + SendResult.describe(gatherId));
        }
        while (client.results == resultsBefore)
        {
            if (invoker.invoke() == 0)
            {
                Thread.onSpinWait();
            }
        }
        if (client.lastGatherId != gatherId || client.lastSum != GATHER_MEMBERS * sequence)
        {
            throw new IllegalStateException("gather " + client.lastGatherId + " summed " + client.lastSum
                + " for gather " + gatherId + " of " + sequence + " to " + GATHER_MEMBERS + " members");
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
        private final Gatherer gatherer;
        private long results;
        private long lastGatherId;
        private long lastSum;

        Client(final Gatherer gatherer)
        {
            this.gatherer = gatherer;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (header.messageType() != PatternMessages.GATHER_RESULT)
            {
                return;
            }
            final GatherResult result = gatherer.result();
            long sum = 0;
            for (int i = 0; i < result.memberCount(); i++)
            {
                // A member that did not answer adds nothing: the sum then misses its share and the run fails.
                if (result.answered(i))
                {
                    sum += result.replyBuffer().getLong(result.replyOffset(i));
                }
            }
            lastGatherId = result.gatherId();
            lastSum = sum;
            results++;
        }
    }
}
