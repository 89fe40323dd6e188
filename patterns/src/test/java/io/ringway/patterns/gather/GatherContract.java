package io.ringway.patterns.gather;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.DeadlineContract;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The semantics of gather-with-deadline, whatever carries the messages between the requester and its members.
 * A subclass decides where the members live (in this process, or behind a bridge) and how the runtime is
 * driven, in {@link #placement()}, all it implements ({@link InProcessGatherTest} places them in one runtime);
 * the tests assert only through actor behaviour, the {@link Gatherer}'s getters and the counters file.
 * <p>
 * Time is the runtime's clock, a {@link CachedNanoClock} that only the tests move, so deadlines are exact.
 */
public abstract class GatherContract extends DeadlineContract
{
    static final String OPERATOR = "quotes";
    static final long DEADLINE_NS = 20_000_000;
    static final int DEFAULT_RING_SIZE = 64;
    /** Tells a {@link Holder} to answer everything it holds, newest first. */
    static final int RELEASE = 100;

    Quoter quoter;

    /** Logs each result in one line: the answers, the members missing, and how the gather completed. */
    final class Quoter implements Actor
    {
        final Gatherer gatherer;
        /** Scatter once more from inside the next result's handling. */
        boolean scatterAgainOnResult;

        Quoter(final ActorContext context)
        {
            gatherer = context.attachment(OPERATOR, Gatherer.class);
            quoter = this;
        }

        @Override
        public void onMessage(final DirectBuffer message, final int offset, final int length, final Header header)
        {
            if (header.messageType() != PatternMessages.GATHER_RESULT)
            {
                events.add("quoter got type " + header.messageType());
                return;
            }
            final GatherResult result = gatherer.result();
            final List<String> answers = new ArrayList<>();
            final List<String> missing = new ArrayList<>();
            for (int i = 0; i < result.memberCount(); i++)
            {
                assertEquals(i, result.memberIndex(result.memberName(i)));
                if (result.answered(i))
                {
                    answers.add(result.memberName(i) + "=" + result.replyBuffer()
                        .getStringWithoutLengthAscii(result.replyOffset(i), result.replyLength(i)));
                }
                else
                {
                    missing.add(result.memberName(i) + (result.reached(i) ? "" : " (unreached)"));
                }
            }
            assertEquals(header.correlationId(), result.gatherId(), "the result comes under the gather's id");
            assertEquals(answers.size(), result.replyCount());
            assertEquals(missing.size(), result.missingCount());
            assertEquals(-1, result.memberIndex("nobody"));
            events.add("quoter result " + answers + " missing " + missing
                + (result.ruleMet() ? " rule met" : " rule not met")
                + (result.deadlinePassed() ? " at deadline" : "") + " corr=" + header.correlationId());
            if (scatterAgainOnResult)
            {
                scatterAgainOnResult = false;
                events.add("quoter scattered again: " + (scatter("again") > 0));
            }
        }
    }

    ActorFactory echo(final String name)
    {
        final UnsafeBuffer reply = new UnsafeBuffer(new byte[2048]);
        return context -> (message, offset, length, header) ->
        {
            final String text = message.getStringWithoutLengthAscii(offset, length);
            events.add(name + " got " + text + " corr=" + header.correlationId());
            context.reply(reply, 0, reply.putStringWithoutLengthAscii(0, name + ":" + text));
        };
    }

    /**
     * Holds requests; on {@link #RELEASE} answers them all, newest first, each to its sender under its correlation
     * id, as {@code context.reply} would have when it came.
     */
    final class Holder implements Actor
    {
        private final ActorContext context;
        private final String name;
        private final UnsafeBuffer reply = new UnsafeBuffer(new byte[2048]);
        private final List<long[]> held = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();

        Holder(final ActorContext context)
        {
            this.context = context;
            this.name = context.name();
        }

        @Override
        public void onMessage(final DirectBuffer message, final int offset, final int length, final Header header)
        {
            if (header.messageType() == RELEASE)
            {
                for (int i = held.size() - 1; i >= 0; i--)
                {
                    final int replyLength = reply.putStringWithoutLengthAscii(0, name + ":" + texts.get(i));
                    final long[] request = held.get(i);
                    final long sent = context.send(
                        context.sender((int)request[1]), 0, request[0], reply, 0, replyLength);
                    assertTrue(sent >= 0, SendResult.describe(sent));
                }
                held.clear();
                texts.clear();
                return;
            }
            final String text = message.getStringWithoutLengthAscii(offset, length);
            events.add(name + " holds " + text + " corr=" + header.correlationId());
            held.add(new long[]{header.correlationId(), header.senderId()});
            texts.add(text);
        }
    }

    ActorFactory holder()
    {
        return Holder::new;
    }

    void startWith(
        final ActorFactory v1, final ActorFactory v2, final ActorFactory v3, final Consumer<GatherSpec> rule)
    {
        startWith(v1, v2, v3, DEFAULT_RING_SIZE, rule);
    }

    void startWith(
        final ActorFactory v1,
        final ActorFactory v2,
        final ActorFactory v3,
        final int memberRingSize,
        final Consumer<GatherSpec> rule)
    {
        final TopologyBuilder topology = newTopology();
        placeRequester(topology, "quoter", Quoter::new);
        placeMember(topology, "v1", v1, memberRingSize);
        placeMember(topology, "v2", v2, memberRingSize);
        placeMember(topology, "v3", v3, memberRingSize);
        topology.gather(OPERATOR, g ->
        {
            placeMembers(g.requester("quoter").deadline(Duration.ofNanos(DEADLINE_NS)), "v1", "v2", "v3");
            rule.accept(g);
        });
        start(topology);
    }

    long scatter(final String text)
    {
        return quoter.gatherer.scatter(buffer, 0, buffer.putStringWithoutLengthAscii(0, text));
    }

    @Test
    void shouldSendOneRequestToEveryMemberUnderTheGatherId()
    {
        startWith(silent("v1"), silent("v2"), silent("v3"), GatherSpec::all);
        final long id = scatter("price?");
        assertTrue(id > 0, SendResult.describe(id));

        runUntilIdle();

        assertEquals(List.of("v1 got price? corr=" + id, "v2 got price? corr=" + id, "v3 got price? corr=" + id),
            events);
        assertEquals(1, quoter.gatherer.openGathers());
        assertEquals(3, quoter.gatherer.memberCount());
        assertEquals("v2", quoter.gatherer.memberName(1));
    }

    @Test
    void shouldCompleteWhenAllHaveRepliedAndNotBefore()
    {
        startWith(echo("v1"), echo("v2"), holder(), GatherSpec::all);
        final long id = scatter("p");
        runUntilIdle();
        assertEquals(List.of(), eventsOf("quoter"), "v3 has not answered");

        tell("v3", RELEASE);
        runUntilIdle();

        assertEquals(List.of("quoter result [v1=v1:p, v2=v2:p, v3=v3:p] missing [] rule met corr=" + id),
            eventsOf("quoter"));
        assertEquals(1, quoter.gatherer.completedGathers());
        assertEquals(0, quoter.gatherer.openGathers());
    }

    @Test
    void shouldCompleteAtAQuorumAndDropTheReplyThatComesAfter()
    {
        startWith(echo("v1"), echo("v2"), holder(), g -> g.quorum(2));
        final long id = scatter("p");
        runUntilIdle();
        assertEquals(List.of("quoter result [v1=v1:p, v2=v2:p] missing [v3] rule met corr=" + id),
            eventsOf("quoter"));

        tell("v3", RELEASE);
        runUntilIdle();
        elapse(2 * DEADLINE_NS);

        assertEquals(1, eventsOf("quoter").size(), "one result per gather");
        assertEquals(1, quoter.gatherer.lateReplies());
        assertEquals(0, quoter.gatherer.missedReplies(), "the gather did not wait for v3");
        assertEquals(1, droppedInCountersFile("quoter." + OPERATOR));
    }

    @Test
    void shouldCompleteOnTheFirstReplyWhenFirstWins()
    {
        startWith(holder(), echo("v2"), holder(), GatherSpec::firstWins);
        final long id = scatter("p");

        runUntilIdle();

        assertEquals(List.of("quoter result [v2=v2:p] missing [v1, v3] rule met corr=" + id), eventsOf("quoter"));
    }

    @Test
    void shouldCompleteAtTheDeadlineNamingTheMembersThatDidNotAnswer()
    {
        startWith(echo("v1"), silent("v2"), silent("v3"), g -> g.quorum(2));
        final long id = scatter("p");
        runUntilIdle();

        elapse(DEADLINE_NS);
        assertEquals(List.of(), eventsOf("quoter"), "not before the deadline has passed");
        elapse(1);

        assertEquals(List.of("quoter result [v1=v1:p] missing [v2, v3] rule not met at deadline corr=" + id),
            eventsOf("quoter"));
        assertEquals(1, quoter.gatherer.expiredGathers());
        assertEquals(2, quoter.gatherer.missedReplies());
        assertEquals(2, droppedInCountersFile("quoter." + OPERATOR));
    }

    @Test
    void shouldDropAndCountAReplyThatComesAfterTheDeadline()
    {
        startWith(echo("v1"), echo("v2"), holder(), GatherSpec::all);
        final long id = scatter("p");
        runUntilIdle();
        elapse(DEADLINE_NS + 1);
        assertEquals(List.of("quoter result [v1=v1:p, v2=v2:p] missing [v3] rule not met at deadline corr=" + id),
            eventsOf("quoter"));

        tell("v3", RELEASE);
        runUntilIdle();

        assertEquals(1, eventsOf("quoter").size());
        assertEquals(1, quoter.gatherer.lateReplies());
        assertEquals(2, droppedInCountersFile("quoter." + OPERATOR), "v3 missed, then v3 late");
    }

    @Test
    void shouldDropAndCountASecondReplyFromTheSameMemberAndRepliesFromStrangers()
    {
        final UnsafeBuffer reply = new UnsafeBuffer(new byte[64]);
        final ActorFactory stutter = context -> (message, offset, length, header) ->
        {
            context.reply(reply, 0, reply.putStringWithoutLengthAscii(0, "first"));
            context.reply(reply, 0, reply.putStringWithoutLengthAscii(0, "second"));
        };
        startWith(stutter, holder(), holder(), GatherSpec::all);
        final long id = scatter("p");
        runUntilIdle();
        assertTrue(ringway.actor("quoter." + OPERATOR).offer(0, id, buffer, 0, 1) >= 0, "from outside");
        tell("v2", RELEASE);
        runUntilIdle();
        assertEquals(List.of(), eventsOf("quoter"), "v1 twice and v2 are not all three");
        assertEquals(2, quoter.gatherer.lateReplies());

        tell("v3", RELEASE);
        runUntilIdle();

        assertEquals(List.of("quoter result [v1=first, v2=v2:p, v3=v3:p] missing [] rule met corr=" + id),
            eventsOf("quoter"));
        assertEquals(2, droppedInCountersFile("quoter." + OPERATOR));
    }

    @Test
    void shouldCountAMemberThatThrowsAsNotAnswering()
    {
        startWith(echo("v1"), thrower("v2"), echo("v3"), GatherSpec::all);
        final long id = scatter("p");
        runUntilIdle();
        assertEquals(List.of(), eventsOf("quoter"));

        elapse(DEADLINE_NS + 1);

        assertEquals(List.of("quoter result [v1=v1:p, v3=v3:p] missing [v2] rule not met at deadline corr=" + id),
            eventsOf("quoter"));
    }

    @Test
    void shouldKeepGathersInFlightApartWhenRepliesComeBackOutOfOrder()
    {
        startWith(holder(), holder(), holder(), GatherSpec::all);
        final long first = scatter("a");
        final long second = scatter("b");
        runUntilIdle();
        assertEquals(2, quoter.gatherer.openGathers());

        tell("v3", RELEASE);
        tell("v1", RELEASE);
        tell("v2", RELEASE);
        runUntilIdle();

        assertEquals(List.of(
            "quoter result [v1=v1:b, v2=v2:b, v3=v3:b] missing [] rule met corr=" + second,
            "quoter result [v1=v1:a, v2=v2:a, v3=v3:a] missing [] rule met corr=" + first), eventsOf("quoter"));
    }

    @Test
    void shouldRefuseAScatterWhenMaxInFlightGathersAreOpen()
    {
        startWith(echo("v1"), echo("v2"), holder(), g -> g.all().maxInFlight(1));
        assertTrue(scatter("one") > 0);
        assertEquals(SendResult.BACK_PRESSURED, scatter("two"));
        runUntilIdle();
        assertEquals(1, eventsOf("v1").size(), "the refused gather sent nothing");

        tell("v3", RELEASE);
        runUntilIdle();

        assertTrue(scatter("three") > 0, "completion freed the slot");
    }

    @Test
    void shouldAcceptAScatterFromInsideTheResultHandler()
    {
        startWith(echo("v1"), echo("v2"), echo("v3"), g -> g.firstWins().maxInFlight(1));
        quoter.scatterAgainOnResult = true;
        scatter("first");

        runUntilIdle();

        assertEquals("quoter scattered again: true", eventsOf("quoter").get(1));
        assertEquals(2, quoter.gatherer.completedGathers(), "the second gather ran too");
    }

    @Test
    void shouldNameAMemberWhoseMailboxWasFullAsUnreachedAndNotWaitForIt()
    {
        startWith(echo("v1"), echo("v2"), silent("v3"), 2, GatherSpec::all);
        tell("v3", 1);
        tell("v3", 1);
        final long id = scatter("p");
        assertTrue(id > 0, SendResult.describe(id));
        assertEquals(1, quoter.gatherer.unreachedMembers());

        runUntilIdle();

        assertEquals(List.of("quoter result [v1=v1:p, v2=v2:p] missing [v3 (unreached)] rule not met corr=" + id),
            eventsOf("quoter"), "complete as soon as every member reached has answered");
    }

    @Test
    void shouldRefuseAScatterThatReachesNoMember()
    {
        startWith(silent("v1"), silent("v2"), silent("v3"), 2, GatherSpec::all);
        for (final String member : List.of("v1", "v2", "v3"))
        {
            tell(member, 1);
            tell(member, 1);
        }

        assertEquals(SendResult.BACK_PRESSURED, scatter("p"));
        assertEquals(0, quoter.gatherer.openGathers());

        elapse(2 * DEADLINE_NS);
        assertEquals(List.of(), eventsOf("quoter"), "no result for a gather that never started");
    }

    @Test
    void shouldRefuseToReadAResultOutsideItsDelivery()
    {
        startWith(echo("v1"), echo("v2"), echo("v3"), GatherSpec::all);

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> quoter.gatherer.result());
        assertTrue(ex.getMessage().contains("GATHER_RESULT"), ex.getMessage());
    }

    @Test
    void shouldRejectReservedNegativeMessageTypes()
    {
        startWith(echo("v1"), echo("v2"), echo("v3"), GatherSpec::all);

        assertThrows(IllegalArgumentException.class,
            () -> quoter.gatherer.scatter(PatternMessages.GATHER_RESULT, buffer, 0, 1));
    }
}
