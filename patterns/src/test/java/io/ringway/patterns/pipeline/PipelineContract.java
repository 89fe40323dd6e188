package io.ringway.patterns.pipeline;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.Await;
import io.ringway.patterns.testing.BackPressure;
import io.ringway.patterns.testing.Recording;
import io.ringway.patterns.testing.TopologyContract;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a pipeline promises, whatever the placement of its members: a step sees a message only once every stage
 * of the step before is done with it; parallel stages each see every message, in each publisher's order; edits
 * made in place by a stage reach the steps after it; the slowest stage back-pressures the publishers.
 * <p>
 * Messages are {@code [publisher int][seq long][marks: validated, limitA, limitB][spare]}: stages set their
 * mark in place and check the marks of the steps before them, so the marks prove both the gating and the
 * in-place edits. Tests talk to members only through mailbox commands, what the test actors record and counters,
 * so that a subclass can put members behind a bridge: where the members are made local or remote is
 * {@link #placement()}, all a subclass implements ({@link InProcessPipelineTest} places them in one runtime).
 */
abstract class PipelineContract extends TopologyContract
{
    static final String OPERATOR = "checks";
    static final int DATA = 0;
    /**
     * To a publisher: {@code [seq long][correlationId long][length int]}; it sends one message of that length
     * and records the result.
     */
    static final int SEND = 1;
    /** To a publisher: {@code [index int][count int]}; it sends count messages, retrying while back-pressured. */
    static final int BURST = 2;
    static final int MESSAGE_LENGTH = 16;
    static final int PUBLISHER_OFFSET = 0;
    static final int SEQ_OFFSET = 4;
    static final int VALIDATED = 12;
    static final int LIMIT_A = 13;
    static final int LIMIT_B = 14;
    static final int MAX_PUBLISHERS = 8;
    static final int NO_MARK = -1;
    static final long NEVER = -1;

    final List<Long> sendResults = Collections.synchronizedList(new ArrayList<>());
    final List<String> burstFailures = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger burstsDone = new AtomicInteger();
    final Map<String, StageLog> stages = new ConcurrentHashMap<>();
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[64]);

    /** What one stage saw, kept outside the actor so that it survives restarts. */
    static final class StageLog extends Recording
    {
        volatile boolean quiet;

        StageLog()
        {
            super(MAX_PUBLISHERS);
        }
    }

    StageLog log(final String stage)
    {
        return stages.computeIfAbsent(stage, name -> new StageLog());
    }

    long lastSendResult()
    {
        synchronized (sendResults)
        {
            return sendResults.get(sendResults.size() - 1);
        }
    }

    /** A publisher that sends what it is told to. */
    ActorFactory gateway()
    {
        return context -> new Actor()
        {
            private final PipelineSource checks = context.attachment(OPERATOR, PipelineSource.class);
            private final UnsafeBuffer message = new UnsafeBuffer(new byte[2 * MESSAGE_LENGTH]);

            @Override
            public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
            {
                if (header.messageType() == SEND)
                {
                    message.setMemory(0, MESSAGE_LENGTH, (byte)0);
                    message.putLong(SEQ_OFFSET, buffer.getLong(offset));
                    sendResults.add(checks.offer(
                        DATA, buffer.getLong(offset + 8), message, 0, buffer.getInt(offset + 16)));
                }
                else if (header.messageType() == BURST)
                {
                    burst(buffer.getInt(offset), buffer.getInt(offset + 4));
                }
            }

            private void burst(final int index, final int count)
            {
                message.setMemory(0, MESSAGE_LENGTH, (byte)0);
                message.putInt(PUBLISHER_OFFSET, index);
                for (long seq = 0; seq < count; seq++)
                {
                    message.putLong(SEQ_OFFSET, seq);
                    final long result = BackPressure.retry(() -> checks.offer(message, 0, MESSAGE_LENGTH));
                    if (result < 0)
                    {
                        burstFailures.add("publisher " + index + " seq " + seq + ": " + SendResult.describe(result));
                        return;
                    }
                }
                burstsDone.incrementAndGet();
            }
        };
    }

    /**
     * A stage that checks the marks of the steps before it and each publisher's order, then sets its own mark
     * in place.
     *
     * @param name      of the stage.
     * @param mark      offset of its mark, or {@link #NO_MARK}.
     * @param failAtSeq a sequence at which its handler throws, or {@link #NEVER}.
     * @param required  offsets of marks that must be set before it sees a message.
     */
    ActorFactory stage(final String name, final int mark, final long failAtSeq, final int... required)
    {
        final StageLog log = log(name);
        return context -> new Stage(context, log, mark, failAtSeq, required);
    }

    private static final class Stage implements Actor
    {
        private final ActorContext context;
        private final PipelineStage checks;
        private final StageLog log;
        private final int mark;
        private final long failAtSeq;
        private final int[] required;

        Stage(
            final ActorContext context, final StageLog log, final int mark, final long failAtSeq, final int[] required)
        {
            this.context = context;
            this.checks = context.attachment(OPERATOR, PipelineStage.class);
            this.log = log;
            this.mark = mark;
            this.failAtSeq = failAtSeq;
            this.required = required;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            final int publisher = buffer.getInt(offset + PUBLISHER_OFFSET);
            final long seq = buffer.getLong(offset + SEQ_OFFSET);
            if (seq == failAtSeq)
            {
                throw new IllegalStateException(context.name() + " fails at " + seq);
            }
            for (final int offsetOfMark : required)
            {
                if (buffer.getByte(offset + offsetOfMark) != 1)
                {
                    violation("publisher " + publisher + " seq " + seq + " lacks mark " + offsetOfMark);
                }
            }
            if (seq != log.lastSeq[publisher] + 1)
            {
                violation("publisher " + publisher + " seq " + seq + " after " + log.lastSeq[publisher]);
            }
            log.lastSeq[publisher] = seq;
            if (!log.quiet)
            {
                log.messages.add(seq + " marks " + buffer.getByte(offset + VALIDATED) + buffer.getByte(offset + LIMIT_A)
                    + buffer.getByte(offset + LIMIT_B) + " type " + header.messageType() + " corr "
                    + header.correlationId() + (header.senderId() == context.lookup("gateway").id() ? "" : " other"));
            }
            if (mark != NO_MARK)
            {
                final MutableDirectBuffer slot = checks.mutableBuffer();
                slot.putByte(offset + mark, (byte)1);
            }
            log.count.incrementAndGet();
        }

        private void violation(final String what)
        {
            log.violation(context.name() + ": " + what);
        }
    }

    void send(final long seq)
    {
        send(seq, 0);
    }

    void send(final long seq, final long correlationId)
    {
        tellSend("gateway", seq, correlationId, MESSAGE_LENGTH);
        dutyCycle("gw");
    }

    void tellSend(final String gateway, final long seq, final long correlationId, final int length)
    {
        command.putLong(0, seq);
        command.putLong(8, correlationId);
        command.putInt(16, length);
        assertTrue(tell(gateway, SEND, command, 0, 20) >= 0, "told " + gateway + " to send");
    }

    /**
     * gateway on "gw" -> validate on "v" -> (limitA on "la", limitB on "lb") -> persist on "p", each on a
     * caller-run dispatcher of its own so that the test steps each stage by itself.
     */
    TopologyBuilder checks(final long validateFailsAt)
    {
        return Topology.builder()
            .callerDispatcher("gw")
            .callerDispatcher("v")
            .callerDispatcher("la")
            .callerDispatcher("lb")
            .callerDispatcher("p")
            .actor("gateway", gateway(), actor -> actor.dispatcher("gw"))
            .actor("validate", stage("validate", VALIDATED, validateFailsAt), actor -> actor.dispatcher("v"))
            .actor("limitA", stage("limitA", LIMIT_A, NEVER, VALIDATED), actor -> actor.dispatcher("la"))
            .actor("limitB", stage("limitB", LIMIT_B, NEVER, VALIDATED), actor -> actor.dispatcher("lb"))
            .actor("persist", stage("persist", NO_MARK, NEVER, VALIDATED, LIMIT_A, LIMIT_B),
                actor -> actor.dispatcher("p"));
    }

    static void shape(final PipelineSpec pipeline)
    {
        pipeline.publisher("gateway").step("validate").step("limitA", "limitB").step("persist");
    }

    int seen(final String stage)
    {
        return log(stage).count.get();
    }

    void assertNoViolations()
    {
        for (final Map.Entry<String, StageLog> stage : stages.entrySet())
        {
            synchronized (stage.getValue().violations)
            {
                assertEquals(List.of(), stage.getValue().violations, stage.getKey());
            }
        }
    }

    @Test
    void shouldShowAStepAMessageOnlyAfterEveryStageOfThePreviousStepIsDoneWithIt()
    {
        start(checks(NEVER).pipeline(OPERATOR, pipeline ->
        {
            shape(pipeline);
            pipeline.batchLimit(1);
        }));
        send(0);
        send(1);

        dutyCycle("la");
        dutyCycle("lb");
        dutyCycle("p");
        assertEquals(List.of(0, 0, 0), List.of(seen("limitA"), seen("limitB"), seen("persist")),
            "validate has not run");

        dutyCycle("v");
        assertEquals(1, seen("validate"), "batch limit 1: one message per duty cycle");
        dutyCycle("p");
        dutyCycle("la");
        dutyCycle("la");
        assertEquals(1, seen("limitA"), "limitA sees only what validate is done with");
        assertEquals(0, seen("persist"));

        dutyCycle("p");
        assertEquals(0, seen("persist"), "limitA is done with 0 but limitB is not");
        dutyCycle("lb");
        dutyCycle("p");
        assertEquals(1, seen("persist"), "both stages of step 2 are done with 0");

        dutyCycle("v");
        dutyCycle("lb");
        dutyCycle("p");
        assertEquals(1, seen("persist"), "limitA is not done with 1");
        dutyCycle("la");
        dutyCycle("p");
        assertEquals(2, seen("persist"));
        assertNoViolations();
    }

    @Test
    void shouldGiveEveryParallelStageEveryMessageInOrder()
    {
        start(checks(NEVER).pipeline(OPERATOR, PipelineContract::shape));
        final List<String> expectedSeqs = new ArrayList<>();
        for (long seq = 0; seq < 10; seq++)
        {
            send(seq);
            expectedSeqs.add(Long.toString(seq));
        }
        for (final String dispatcher : List.of("v", "la", "lb", "p"))
        {
            dutyCycle(dispatcher);
        }

        for (final String stage : List.of("validate", "limitA", "limitB", "persist"))
        {
            final List<String> seqs = new ArrayList<>();
            for (final String message : log(stage).messages())
            {
                seqs.add(message.substring(0, message.indexOf(' ')));
            }
            assertEquals(expectedSeqs, seqs, stage);
        }
        assertNoViolations();
    }

    @Test
    void shouldPassEditsMadeInPlaceToTheStepsAfter()
    {
        start(checks(NEVER).pipeline(OPERATOR, PipelineContract::shape));
        send(0);
        for (final String dispatcher : List.of("v", "la", "lb", "p"))
        {
            dutyCycle(dispatcher);
        }

        assertEquals(List.of("0 marks 000 type 0 corr 0"), log("validate").messages(), "nothing before validate");
        assertTrue(log("limitA").messages().get(0).startsWith("0 marks 1"), "validate's mark reached step 2");
        assertEquals(List.of("0 marks 111 type 0 corr 0"), log("persist").messages(), "every mark reached step 3");
        assertNoViolations();
    }

    @Test
    void shouldHandEveryStageTheMessagesTypeCorrelationIdAndSender()
    {
        start(checks(NEVER)
            .actor("other", gateway(), actor -> actor.dispatcher("gw"))
            .pipeline(OPERATOR, pipeline -> shape(pipeline.publisher("other"))));
        send(0, 42);
        tellSend("other", 1, 0, MESSAGE_LENGTH);
        dutyCycle("gw");
        for (final String dispatcher : List.of("v", "la", "lb", "p"))
        {
            dutyCycle(dispatcher);
        }

        assertEquals(List.of("0 marks 111 type 0 corr 42", "1 marks 111 type 0 corr 0 other"),
            log("persist").messages());
    }

    @Test
    void shouldBackPressureThePublishersWhileTheLastStepIsARingBehind()
    {
        start(checks(NEVER).pipeline(OPERATOR, pipeline ->
        {
            shape(pipeline);
            pipeline.ringSize(4);
        }));
        for (long seq = 0; seq < 4; seq++)
        {
            send(seq);
            assertTrue(lastSendResult() >= 0);
        }
        dutyCycle("v");
        dutyCycle("la");
        send(4);
        assertEquals(SendResult.BACK_PRESSURED, lastSendResult(), "limitB and persist have not run");
        dutyCycle("lb");
        send(4);
        assertEquals(SendResult.BACK_PRESSURED, lastSendResult(), "the producers are gated by the last step");
        assertEquals(2, counter("ring " + OPERATOR + ": back-pressured"));

        dutyCycle("p");
        send(4);
        assertTrue(lastSendResult() >= 0, "persist freed the ring");
        for (final String dispatcher : List.of("v", "la", "lb", "p"))
        {
            dutyCycle(dispatcher);
        }
        assertEquals(5, seen("persist"), "nothing lost");
        assertNoViolations();
    }

    @Test
    void shouldDeadLetterAFailingStagesMessageAndStillPassItOn()
    {
        start(Topology.builder()
            .callerDispatcher("gw")
            .callerDispatcher("v")
            .callerDispatcher("p")
            .actor("gateway", gateway(), actor -> actor.dispatcher("gw"))
            .actor("validate", stage("validate", VALIDATED, 1), actor -> actor.dispatcher("v"))
            .actor("persist", stage("persist", NO_MARK, NEVER), actor -> actor.dispatcher("p"))
            .pipeline(OPERATOR, pipeline -> pipeline.publisher("gateway").step("validate").step("persist")));
        send(0);
        send(1);
        send(2);
        dutyCycle("v");
        dutyCycle("p");

        assertEquals(2, seen("validate"), "validate handled 0 and 2; 1 made it throw");
        assertEquals(List.of("0 marks 100 type 0 corr 0", "1 marks 000 type 0 corr 0", "2 marks 100 type 0 corr 0"),
            log("persist").messages(), "the pipeline carries on past the failure, unmarked");
        assertEquals(1, counter("actor validate: dead-lettered"));
        assertEquals(1, errors.size());
        assertEquals("validate fails at 1", errors.remove(0).getCause().getMessage());
    }

    @Test
    void shouldRefuseAMessageLargerThanTheRingWithACodeAndCountIt()
    {
        start(checks(NEVER).pipeline(OPERATOR, pipeline ->
        {
            shape(pipeline);
            pipeline.maxMessageLength(MESSAGE_LENGTH);
        }));
        tellSend("gateway", 0, 0, MESSAGE_LENGTH + 1);
        dutyCycle("gw");
        assertEquals(SendResult.MESSAGE_TOO_LARGE, lastSendResult());
        assertEquals(1, counter("ring " + OPERATOR + ": dropped"));

        send(0);
        assertTrue(lastSendResult() >= 0);
    }

    @Test
    void shouldPassEveryMessageOnceThroughEveryStageInEachPublishersOrderUnderConcurrentPublishers()
    {
        final int publishers = 3;
        final int perPublisher = 5_000;
        final TopologyBuilder topology = Topology.builder();
        for (int p = 0; p < publishers; p++)
        {
            final String dispatcher = "gw" + p;
            topology.dispatcher(dispatcher, Idle.BACKOFF)
                .actor("gateway" + p, gateway(), actor -> actor.dispatcher(dispatcher));
        }
        for (final String dispatcher : List.of("v", "la", "lb", "p"))
        {
            topology.dispatcher(dispatcher, Idle.BACKOFF);
        }
        topology
            .actor("validate", stage("validate", VALIDATED, NEVER), actor -> actor.dispatcher("v"))
            .actor("limitA", stage("limitA", LIMIT_A, NEVER, VALIDATED), actor -> actor.dispatcher("la"))
            .actor("limitB", stage("limitB", LIMIT_B, NEVER, VALIDATED), actor -> actor.dispatcher("lb"))
            .actor("persist", stage("persist", NO_MARK, NEVER, VALIDATED, LIMIT_A, LIMIT_B),
                actor -> actor.dispatcher("p"))
            .pipeline(OPERATOR, pipeline ->
            {
                for (int p = 0; p < publishers; p++)
                {
                    pipeline.publisher("gateway" + p);
                }
                pipeline.step("validate").step("limitA", "limitB").step("persist").ringSize(64);
            });
        for (final String stage : List.of("validate", "limitA", "limitB", "persist"))
        {
            log(stage).quiet = true;
        }
        start(topology);

        for (int p = 0; p < publishers; p++)
        {
            command.putInt(0, p);
            command.putInt(4, perPublisher);
            assertTrue(tell("gateway" + p, BURST, command, 0, 8) >= 0);
        }
        final int total = publishers * perPublisher;
        Await.until(() -> burstsDone.get() == publishers || !burstFailures.isEmpty(),
            () -> burstsDone.get() + " bursts done");
        assertEquals(List.of(), burstFailures);
        Await.until(() -> seen("persist") == total, () -> "persist saw " + seen("persist") + " of " + total);

        assertNoViolations();
        for (final String stage : List.of("validate", "limitA", "limitB", "persist"))
        {
            assertEquals(total, seen(stage), stage + " saw each message once");
            final long[] last = Arrays.copyOf(log(stage).lastSeq, publishers);
            final long[] expected = new long[publishers];
            Arrays.fill(expected, perPublisher - 1);
            assertArrayEquals(expected, last, stage + " saw the last of every publisher");
        }
    }
}
