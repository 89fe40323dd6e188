package io.ringway.patterns.reqrep;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The semantics of correlate-reply, whatever carries the messages between requester and replier. A subclass
 * decides where the repliers live (in this process, or behind a bridge) and how the runtime is driven, in
 * {@link #placement()}, all it implements ({@link InProcessRequestReplyTest} places them in one runtime); the
 * tests assert only through actor behaviour, the {@link Requester}'s getters and the counters file.
 * <p>
 * Time is the runtime's clock, a {@link CachedNanoClock} that only the tests move, so deadlines are exact.
 */
public abstract class RequestReplyContract extends DeadlineContract
{
    static final String OPERATOR = "gateway";
    static final long TIMEOUT_NS = 5_000_000;
    static final int DEFAULT_RING_SIZE = 64;
    /** Tells a {@link Holder} to answer everything it holds, newest first. */
    static final int RELEASE = 100;

    final Map<String, Requester> requesters = new HashMap<>();
    final Map<String, Client> clients = new HashMap<>();

    final class Client implements Actor
    {
        private final String name;
        private final Requester requester;
        private boolean requestAgainOnTimeout;

        Client(final ActorContext context)
        {
            name = context.name();
            requester = context.attachment(OPERATOR, Requester.class);
            requesters.put(name, requester);
            clients.put(name, this);
        }

        @Override
        public void onMessage(final DirectBuffer message, final int offset, final int length, final Header header)
        {
            if (header.messageType() == PatternMessages.TIMEOUT)
            {
                events.add(name + " timeout corr=" + header.correlationId());
                if (requestAgainOnTimeout)
                {
                    final int textLength = buffer.putStringWithoutLengthAscii(0, "again");
                    events.add(name + " requested again: " + (requester.request(buffer, 0, textLength) > 0));
                }
                return;
            }
            events.add(name + " got " + message.getStringWithoutLengthAscii(offset, length) + " corr="
                + header.correlationId() + " type=" + header.messageType());
        }
    }

    ActorFactory echo(final String name)
    {
        final UnsafeBuffer reply = new UnsafeBuffer(new byte[2048]);
        return context -> (message, offset, length, header) ->
        {
            final String text = message.getStringWithoutLengthAscii(offset, length);
            events.add(name + " got " + text + " corr=" + header.correlationId() + " type=" + header.messageType());
            context.reply(reply, 0, reply.putStringWithoutLengthAscii(0, "re:" + text));
        };
    }

    /**
     * Holds requests; on {@link #RELEASE} answers them all, newest first, each to its sender under its type and
     * correlation id, as {@code context.reply} would have when it came.
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
                    final long[] request = held.get(i);
                    final int replyLength = reply.putStringWithoutLengthAscii(0, "re:" + texts.get(i));
                    final long sent = context.send(
                        context.sender((int)request[2]), (int)request[0], request[1], reply, 0, replyLength);
                    assertTrue(sent >= 0, SendResult.describe(sent));
                }
                held.clear();
                texts.clear();
                return;
            }
            final String text = message.getStringWithoutLengthAscii(offset, length);
            events.add(name + " holds " + text + " corr=" + header.correlationId());
            held.add(new long[]{header.messageType(), header.correlationId(), header.senderId()});
            texts.add(text);
        }
    }

    ActorFactory holder()
    {
        return Holder::new;
    }

    void startWith(final Consumer<TopologyBuilder> members, final Consumer<RequestReplySpec> operator)
    {
        final TopologyBuilder topology = newTopology();
        members.accept(topology);
        topology.requestReply(OPERATOR, operator);
        start(topology);
    }

    void startClientWith(final String replier, final ActorFactory factory, final Consumer<RequestReplySpec> more)
    {
        startWith(
            topology ->
            {
                placeRequester(topology, "client", Client::new);
                placeMember(topology, replier, factory, DEFAULT_RING_SIZE);
            },
            rr ->
            {
                placeRepliers(rr.requesters("client").timeout(Duration.ofNanos(TIMEOUT_NS)), replier);
                more.accept(rr);
            });
    }

    long request(final String client, final String text)
    {
        return requesters.get(client).request(buffer, 0, buffer.putStringWithoutLengthAscii(0, text));
    }

    @Test
    void shouldDeliverTheReplyUnderTheRequestsCorrelationIdAndType()
    {
        startClientWith("echo", echo("echo"), rr -> { });
        final long id = requesters.get("client").request(7, buffer, 0, buffer.putStringWithoutLengthAscii(0, "hi"));
        assertTrue(id > 0, SendResult.describe(id));

        runUntilIdle();

        assertEquals(List.of("echo got hi corr=" + id + " type=7", "client got re:hi corr=" + id + " type=7"), events);
        assertEquals(0, requesters.get("client").inFlight());
    }

    @Test
    void shouldDeliverEachReplyToItsRequesterOnly()
    {
        startWith(
            topology ->
            {
                placeRequester(topology, "alice", Client::new);
                placeRequester(topology, "bob", Client::new);
                placeMember(topology, "echo", echo("echo"), DEFAULT_RING_SIZE);
            },
            rr -> placeRepliers(rr.requesters("alice", "bob").timeout(Duration.ofNanos(TIMEOUT_NS)), "echo"));
        final long aliceId = request("alice", "from alice");
        final long bobId = request("bob", "from bob");

        runUntilIdle();

        assertEquals(List.of("alice got re:from alice corr=" + aliceId + " type=0"), eventsOf("alice"));
        assertEquals(List.of("bob got re:from bob corr=" + bobId + " type=0"), eventsOf("bob"));
        assertEquals(0, requesters.get("alice").lateReplies() + requesters.get("bob").lateReplies());
    }

    @Test
    void shouldKeepManyRequestsInFlightAndMatchRepliesThatComeBackOutOfOrder()
    {
        startClientWith("holder", holder(), rr -> { });
        final Map<String, Long> idByText = new HashMap<>();
        for (int i = 0; i < 5; i++)
        {
            idByText.put("re:r" + i, request("client", "r" + i));
        }
        runUntilIdle();
        assertEquals(5, requesters.get("client").inFlight());

        tell("holder", RELEASE);
        runUntilIdle();

        final List<String> expected = new ArrayList<>();
        for (int i = 4; i >= 0; i--)
        {
            expected.add("client got re:r" + i + " corr=" + idByText.get("re:r" + i) + " type=0");
        }
        assertEquals(expected, eventsOf("client"), "newest first, each under its own request's id");
        assertEquals(0, requesters.get("client").inFlight());
        assertEquals(5, idByText.values().stream().distinct().count(), "a new correlation id per request");
    }

    @Test
    void shouldDeliverACountedTimeoutWhenNoReplyComesByTheDeadline()
    {
        startClientWith("silent", silent("silent"), rr -> { });
        final long id = request("client", "anyone?");
        runUntilIdle();

        elapse(TIMEOUT_NS);
        assertEquals(List.of(), eventsOf("client"), "not before the deadline has passed");

        elapse(1);
        assertEquals(List.of("client timeout corr=" + id), eventsOf("client"));
        assertEquals(1, requesters.get("client").timeouts());
        assertEquals(0, requesters.get("client").inFlight());
        assertEquals(1, droppedInCountersFile("client." + OPERATOR));

        elapse(10 * TIMEOUT_NS);
        assertEquals(1, eventsOf("client").size(), "one timeout per request");
    }

    @Test
    void shouldNeverLeaveTheRequesterStuckAfterATimeout()
    {
        startClientWith("silent", silent("silent"), rr -> rr.maxInFlight(1));
        assertTrue(request("client", "first") > 0);
        assertEquals(SendResult.BACK_PRESSURED, request("client", "second"), "the one slot is taken");

        elapse(TIMEOUT_NS + 1);

        assertTrue(request("client", "third") > 0, "the timeout freed the slot");
    }

    @Test
    void shouldAcceptANewRequestFromInsideTheTimeoutHandler()
    {
        startClientWith("silent", silent("silent"), rr -> rr.maxInFlight(1));
        final long id = request("client", "first");
        clients.get("client").requestAgainOnTimeout = true;

        elapse(TIMEOUT_NS + 1);

        assertEquals(List.of("client timeout corr=" + id, "client requested again: true"), eventsOf("client"));
        assertEquals(1, requesters.get("client").inFlight());
    }

    @Test
    void shouldRetryUpToTheBoundUnderTheSameCorrelationIdThenTimeOut()
    {
        startClientWith("silent", silent("silent"), rr -> rr.retries(2));
        final long id = request("client", "hello?");
        runUntilIdle();

        elapse(TIMEOUT_NS + 1);
        elapse(TIMEOUT_NS + 1);
        assertEquals(List.of(), eventsOf("client"), "two retries, each with its full timeout");
        elapse(TIMEOUT_NS + 1);

        final String attempt = "silent got hello? corr=" + id;
        assertEquals(List.of(attempt, attempt, attempt, "client timeout corr=" + id), events);
        assertEquals(2, requesters.get("client").retries());
        assertEquals(1, requesters.get("client").timeouts());
    }

    @Test
    void shouldDeliverTheReplyToARetriedRequestOnceAndDropTheDuplicate()
    {
        startClientWith("holder", holder(), rr -> rr.retries(1));
        final long id = request("client", "quote");
        runUntilIdle();
        elapse(TIMEOUT_NS + 1);
        assertEquals(2, eventsOf("holder").size(), "the retry reached the replier");

        tell("holder", RELEASE);
        runUntilIdle();
        elapse(10 * TIMEOUT_NS);

        assertEquals(List.of("client got re:quote corr=" + id + " type=0"), eventsOf("client"));
        assertEquals(1, requesters.get("client").lateReplies());
        assertEquals(0, requesters.get("client").timeouts());
        assertEquals(1, droppedInCountersFile("client." + OPERATOR));
    }

    @Test
    void shouldDropAndCountAReplyThatComesAfterTheTimeout()
    {
        startClientWith("holder", holder(), rr -> { });
        final long id = request("client", "slow");
        runUntilIdle();
        elapse(TIMEOUT_NS + 1);

        tell("holder", RELEASE);
        runUntilIdle();

        assertEquals(List.of("client timeout corr=" + id), eventsOf("client"));
        assertEquals(1, requesters.get("client").lateReplies());
        assertEquals(2, droppedInCountersFile("client." + OPERATOR), "the timeout and the late reply");
    }

    @Test
    void shouldRefuseWithBackPressuredAtMaxInFlight()
    {
        startClientWith("holder", holder(), rr -> rr.maxInFlight(2));
        assertTrue(request("client", "one") > 0);
        assertTrue(request("client", "two") > 0);
        assertEquals(SendResult.BACK_PRESSURED, request("client", "three"));
        runUntilIdle();
        assertEquals(2, eventsOf("holder").size(), "the refused request was not sent");

        tell("holder", RELEASE);
        runUntilIdle();

        assertTrue(request("client", "four") > 0, "replies freed the slots");
    }

    @Test
    void shouldRefuseWithBackPressuredWhenTheRepliersMailboxIsFullAndForgetTheRequest()
    {
        startWith(
            topology ->
            {
                placeRequester(topology, "client", Client::new);
                placeMember(topology, "silent", silent("silent"), 2);
            },
            rr -> placeRepliers(rr.requesters("client").timeout(Duration.ofNanos(TIMEOUT_NS)), "silent"));
        assertTrue(request("client", "one") > 0);
        assertTrue(request("client", "two") > 0);

        assertEquals(SendResult.BACK_PRESSURED, request("client", "three"));
        assertEquals(2, requesters.get("client").inFlight());

        elapse(TIMEOUT_NS + 1);
        assertEquals(2, requesters.get("client").timeouts(), "no timeout for a request that was never sent");
    }

    @Test
    void shouldRotateOverRepliersAndSendARetryToTheNextOne()
    {
        startWith(
            topology ->
            {
                placeRequester(topology, "client", Client::new);
                placeMember(topology, "mute", silent("mute"), DEFAULT_RING_SIZE);
                placeMember(topology, "echo", echo("echo"), DEFAULT_RING_SIZE);
            },
            rr -> placeRepliers(
                rr.requesters("client").timeout(Duration.ofNanos(TIMEOUT_NS)).retries(1), "mute", "echo"));
        final long first = request("client", "first");
        final long second = request("client", "second");
        runUntilIdle();
        assertEquals(List.of("mute got first corr=" + first), eventsOf("mute"));
        assertEquals(List.of("client got re:second corr=" + second + " type=0"), eventsOf("client"));

        elapse(TIMEOUT_NS + 1);

        assertEquals(List.of("client got re:second corr=" + second + " type=0",
            "client got re:first corr=" + first + " type=0"), eventsOf("client"));
        assertEquals(1, requesters.get("client").retries());
        assertEquals(0, requesters.get("client").timeouts());
    }

    @Test
    void shouldSkipARepliersFullMailboxInTheRotation()
    {
        startWith(
            topology ->
            {
                placeRequester(topology, "client", Client::new);
                placeMember(topology, "small", silent("small"), 2);
                placeMember(topology, "echo", echo("echo"), DEFAULT_RING_SIZE);
            },
            rr -> placeRepliers(rr.requesters("client").timeout(Duration.ofNanos(TIMEOUT_NS)), "small", "echo"));
        for (int i = 1; i <= 5; i++)
        {
            assertTrue(request("client", "r" + i) > 0, "r" + i);
        }
        runUntilIdle();

        assertEquals(2, eventsOf("small").size(), "r1 and r3 filled it; r5 went on to echo");
        assertEquals(3, eventsOf("echo").size());
        assertTrue(eventsOf("echo").get(2).startsWith("echo got r5 "), eventsOf("echo").toString());
    }

    @Test
    void shouldTimeOutARequestWhoseReplierThrows()
    {
        startClientWith("thrower", thrower("thrower"), rr -> { });
        final long id = request("client", "boom");
        runUntilIdle();
        assertEquals(List.of("thrower threw"), events);

        elapse(TIMEOUT_NS + 1);

        assertEquals(List.of("client timeout corr=" + id), eventsOf("client"));
    }

    @Test
    void shouldRefuseARequestLongerThanTheMaxMessageLength()
    {
        startClientWith("echo", echo("echo"), rr -> rr.maxMessageLength(16));
        assertEquals(SendResult.MESSAGE_TOO_LARGE, requesters.get("client").request(buffer, 0, 17));
        assertTrue(requesters.get("client").request(buffer, 0, 16) > 0);
        assertEquals(1, requesters.get("client").inFlight(), "the refused request left nothing behind");
    }

    @Test
    void shouldRejectReservedNegativeMessageTypes()
    {
        startClientWith("echo", echo("echo"), rr -> { });
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> requesters.get("client").request(PatternMessages.TIMEOUT, buffer, 0, 1));
        assertTrue(ex.getMessage().contains("reserved"), ex.getMessage());
    }
}
