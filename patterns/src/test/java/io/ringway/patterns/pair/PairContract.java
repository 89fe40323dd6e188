package io.ringway.patterns.pair;

import io.ringway.patterns.testing.Await;
import io.ringway.patterns.testing.Failures;
import io.ringway.patterns.testing.Runtimes;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.CounterType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What an exclusive pair promises, whatever carries its messages: the two ends talk both ways, in order, with
 * type and correlation id; anyone else sending into an end's address is refused with a code and counted; a full
 * end back-pressures its peer.
 * <p>
 * End {@code a} runs on the caller-run dispatcher {@code a}, end {@code b} on {@code b}, the third parties
 * {@code c} (beside {@code a}) and {@code d} (beside {@code b}) on {@code main}, so a test can drain one end and
 * leave the other full. Each end is declared with its side, apart, and the ends are named on the pair only
 * through the placement, so that subclasses decide where end {@code b} lives ({@link #placement()}); the test
 * reaches the ends through their attachments, steps dispatchers and reads counters through the {@link Runtimes}
 * started, and says "the peer's address" rather than naming it, since behind a bridge it is the link's port.
 */
public abstract class PairContract
{
    static final String OPERATOR = "hedge";
    /** A message with this value asks the end's actor to answer it with {@code context.reply}. */
    static final long REPLY_BY_CONTEXT = -7;

    /** The test's temporary directory, for the counters files of the runtimes the placement starts. */
    @TempDir
    protected Path runtimeDirectory;

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
    private final Map<String, PairEnd> ends = new ConcurrentHashMap<>();
    private final Map<String, ActorContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final List<Long> replyResults = Collections.synchronizedList(new ArrayList<>());
    private final Failures failures = new Failures();
    private Runtimes runtimes;

    /** @return a fresh placement for one test: where end {@code b} lives. */
    protected abstract PairPlacement placement();

    @AfterEach
    void close()
    {
        if (null != runtimes)
        {
            runtimes.close();
        }
    }

    /** What an end's actor got: the first long of the body, its header, and whether its end says it is pair mail. */
    record Received(long value, int senderId, int messageType, long correlationId, boolean fromPeer)
    {
    }

    private void startPair(final int ringSize)
    {
        received.put("a", Collections.synchronizedList(new ArrayList<>()));
        received.put("b", Collections.synchronizedList(new ArrayList<>()));
        runtimes = placement().start(OPERATOR,
            everywhere -> everywhere.callerDispatcher("main").callerDispatcher("a").callerDispatcher("b"),
            "a", side -> side
                .actor("a", this::newEnd, options -> options.dispatcher("a"))
                .actor("c", this::newThirdParty, options -> options.dispatcher("main")),
            "b", side -> side
                .actor("b", this::newEnd, options -> options.dispatcher("b"))
                .actor("d", this::newThirdParty, options -> options.dispatcher("main")),
            pair -> pair.ringSize(ringSize).maxMessageLength(32));
    }

    private Actor newEnd(final ActorContext context)
    {
        final PairEnd end = context.attachment(OPERATOR, PairEnd.class);
        final List<Received> log = received.get(context.name());
        ends.put(context.name(), end);
        contexts.put(context.name(), context);
        return (buffer, offset, length, header) ->
        {
            log.add(new Received(buffer.getLong(offset), header.senderId(), header.messageType(),
                header.correlationId(), end.isFromPeer(header)));
            if (buffer.getLong(offset) == REPLY_BY_CONTEXT)
            {
                replyResults.add(context.reply(buffer, offset, length));
            }
        };
    }

    private Actor newThirdParty(final ActorContext context)
    {
        contexts.put(context.name(), context);
        return (buffer, offset, length, header) -> { };
    }

    private long offer(final String end, final long value)
    {
        message.putLong(0, value);
        return ends.get(end).offer(message, 0, 8);
    }

    private void offerAll(final String end, final long... values)
    {
        for (final long value : values)
        {
            final long result = offer(end, value);
            assertTrue(result >= 0, () -> end + " offer " + value + ": " + SendResult.describe(result));
        }
    }

    /** Sends as actor {@code from} (not as its end) to {@code to}, which may be an end's address. */
    private long sendAsActor(final String from, final String to, final long value)
    {
        final ActorContext context = contexts.get(from);
        return sendAsActor(from, context.lookup(to), value);
    }

    private long sendAsActor(final String from, final ActorRef to, final long value)
    {
        message.putLong(0, value);
        return contexts.get(from).send(to, message, 0, 8);
    }

    /** Runs the end's dispatcher until its actor has received {@code count} messages in all. */
    private List<Received> drain(final String end, final int count)
    {
        runtimes.runUntil(end, () -> received.get(end).size() >= count,
            () -> end + " received " + received.get(end));
        return received.get(end);
    }

    /** Runs the end's dispatcher until it has nothing left to do. */
    private List<Received> settle(final String end)
    {
        runtimes.runUntilIdle(end);
        return received.get(end);
    }

    /** @return a standard counter of an address in the runtime that holds {@code holder}. */
    private long counter(final String holder, final String address, final CounterType type)
    {
        return runtimes.counter(holder, address, type);
    }

    /** @return where end {@code end}'s sends go: the other end's address, or the link's port standing for it. */
    private String peerOf(final String end)
    {
        return ends.get(end).peer().name();
    }

    private static List<Long> values(final List<Received> log)
    {
        final List<Long> values = new ArrayList<>();
        for (final Received entry : log)
        {
            values.add(entry.value());
        }
        return values;
    }

    @Test
    void shouldTalkBothWays()
    {
        startPair(16);
        offerAll("a", 1);
        final Received atB = drain("b", 1).get(0);
        assertEquals(new Received(1, ends.get("b").peer().id(), 0, 0, true), atB, "from b's peer");

        offerAll("b", 2);
        final Received atA = drain("a", 1).get(0);
        assertEquals(new Received(2, ends.get("a").peer().id(), 0, 0, true), atA, "from a's peer");
    }

    @Test
    void shouldSendAsTheEndSoThatEachEndsPeerIsTheOtherEnd()
    {
        startPair(16);
        offerAll("a", 1);
        assertEquals(ends.get("a").address().id(), drain("b", 1).get(0).senderId(), "sent as a's end");
        assertEquals(ends.get("a").address(), ends.get("b").peer());
        assertEquals(ends.get("b").address(), ends.get("a").peer());
    }

    @Test
    void shouldKeepEachDirectionInOrder()
    {
        startPair(128);
        final long[] ascending = new long[100];
        final long[] descending = new long[100];
        for (int i = 0; i < 100; i++)
        {
            ascending[i] = i;
            descending[i] = 1000 - i;
        }
        for (int i = 0; i < 100; i++)
        {
            offerAll("a", ascending[i]);
            offerAll("b", descending[i]);
        }

        final List<Long> expectedAtB = new ArrayList<>();
        final List<Long> expectedAtA = new ArrayList<>();
        for (int i = 0; i < 100; i++)
        {
            expectedAtB.add(ascending[i]);
            expectedAtA.add(descending[i]);
        }
        assertEquals(expectedAtB, values(drain("b", 100)));
        assertEquals(expectedAtA, values(drain("a", 100)));
    }

    @Test
    void shouldCarryMessageTypeAndCorrelationId()
    {
        startPair(16);
        message.putLong(0, 5);
        assertTrue(ends.get("a").offer(42, 1234L, message, 0, 8) >= 0);

        final Received atB = drain("b", 1).get(0);
        assertEquals(42, atB.messageType());
        assertEquals(1234L, atB.correlationId());
    }

    @Test
    void shouldSendZeroCopyWithTryClaim()
    {
        startPair(16);
        final SlotClaim claim = new SlotClaim();
        assertTrue(ends.get("b").tryClaim(8, claim) >= 0);
        claim.buffer().putLong(0, 77);
        claim.commit();

        assertEquals(List.of(77L), values(drain("a", 1)));
    }

    @Test
    void shouldRefuseAThirdPartyAndCountIt()
    {
        startPair(16);
        assertEquals(SendResult.REFUSED, sendAsActor("c", "a." + OPERATOR, 1));
        assertEquals(SendResult.REFUSED, sendAsActor("d", "b." + OPERATOR, 2));
        assertEquals(SendResult.REFUSED, sendAsActor("d", "b." + OPERATOR, 3));

        assertEquals(List.of(), settle("a"));
        assertEquals(List.of(), settle("b"));
        assertEquals(1, counter("a", "a." + OPERATOR, CounterType.DROPPED));
        assertEquals(2, counter("b", "b." + OPERATOR, CounterType.DROPPED));
        assertEquals(0, counter("c", "c", CounterType.SENT), "a refused send is not a send");
        assertEquals(0, counter("d", "d", CounterType.SENT), "a refused send is not a send");
        assertEquals("REFUSED", SendResult.describe(sendAsActor("c", "a." + OPERATOR, 4)));
    }

    @Test
    void shouldRefuseTheEndsOwnActorBypassingTheEnd()
    {
        startPair(16);
        assertEquals(SendResult.REFUSED, sendAsActor("a", ends.get("a").peer(), 1), "only a's end may send to b's");

        offerAll("a", REPLY_BY_CONTEXT);
        drain("b", 1);
        assertEquals(List.of(SendResult.REFUSED), replyResults, "context.reply stamps the actor, not the end");
        assertEquals(List.of(), settle("a"));
        assertEquals(2, counter("a", peerOf("a"), CounterType.DROPPED) + counter("b", peerOf("b"), CounterType.DROPPED));
    }

    @Test
    void shouldLeaveTheActorsOwnMailboxOpenToOthers()
    {
        startPair(16);
        assertTrue(sendAsActor("c", "a", 3) >= 0, "the pair restricts the end's address, not the actor");
        final Received atA = drain("a", 1).get(0);
        assertEquals(3, atA.value());
        assertFalse(atA.fromPeer(), "not pair mail");
    }

    @Test
    void shouldBackPressureWhenThePeerIsFull()
    {
        startPair(2);
        offerAll("a", 0, 1);
        assertEquals(SendResult.BACK_PRESSURED, offer("a", 2));
        assertEquals(1, counter("a", peerOf("a"), CounterType.BACK_PRESSURED));
        offerAll("b", 10, 11);

        drain("b", 2);
        offerAll("a", 2);
        assertEquals(List.of(0L, 1L, 2L), values(drain("b", 3)));
        assertEquals(List.of(10L, 11L), values(drain("a", 2)), "the other direction has its own room");
    }

    @Test
    void shouldRefuseATooLargeMessage()
    {
        startPair(16);
        assertEquals(SendResult.MESSAGE_TOO_LARGE, ends.get("a").offer(message, 0, 33));
        assertEquals(1, counter("a", peerOf("a"), CounterType.DROPPED));
    }

    /**
     * Both ends stream to each other on their own threads while two third parties, on two more threads, keep
     * trying to break in: each end gets every message of its peer exactly once and in order, and every intrusion
     * is refused and counted.
     */
    @Test
    void shouldKeepThePairExclusiveAndLosslessUnderConcurrentSenders()
    {
        final int perEnd = 5_000;
        final int perIntruder = 2_000;
        final AtomicLong refused = new AtomicLong();
        final long[] nextExpected = new long[2];
        final AtomicLong[] receivedByEnd = {new AtomicLong(), new AtomicLong()};
        runtimes = placement().start(OPERATOR,
            everywhere -> everywhere
                .dispatcher("a", Idle.BACKOFF)
                .dispatcher("b", Idle.BACKOFF)
                .dispatcher("intruders", Idle.BACKOFF),
            "a", side -> side
                .actor("a", context -> new StreamingEnd(context, 0, perEnd, nextExpected, receivedByEnd[0]),
                    options -> options.dispatcher("a"))
                .actor("c1", context -> new Intruder(context, "a." + OPERATOR, perIntruder, refused),
                    options -> options.dispatcher("intruders")),
            "b", side -> side
                .actor("b", context -> new StreamingEnd(context, 1, perEnd, nextExpected, receivedByEnd[1]),
                    options -> options.dispatcher("b"))
                .actor("c2", context -> new Intruder(context, "b." + OPERATOR, perIntruder, refused),
                    options -> options.dispatcher("intruders")),
            pair -> pair.ringSize(64));

        Await.until(() -> (receivedByEnd[0].get() >= perEnd && receivedByEnd[1].get() >= perEnd
            && refused.get() >= 2 * perIntruder) || failures.any(),
            () -> "a got " + receivedByEnd[0] + ", b got " + receivedByEnd[1] + ", refused " + refused + " "
                + failures);
        assertEquals(List.of(), failures.list());
        assertEquals(perEnd, receivedByEnd[0].get());
        assertEquals(perEnd, receivedByEnd[1].get());
        assertEquals(perIntruder, counter("a", "a." + OPERATOR, CounterType.DROPPED), "every intrusion into a counted");
        assertEquals(perIntruder, counter("b", "b." + OPERATOR, CounterType.DROPPED), "every intrusion into b counted");
    }

    /** Streams numbers to its peer; checks that its peer's numbers arrive exactly once, in order. */
    private final class StreamingEnd implements Actor
    {
        private static final int BATCH = 64;
        private final ActorContext context;
        private final PairEnd end;
        private final int index;
        private final int count;
        private final long[] nextExpected;
        private final AtomicLong receivedCount;
        private final UnsafeBuffer out = new UnsafeBuffer(new byte[8]);
        private long next;

        StreamingEnd(
            final ActorContext context,
            final int index,
            final int count,
            final long[] nextExpected,
            final AtomicLong receivedCount)
        {
            this.context = context;
            this.end = context.attachment(OPERATOR, PairEnd.class);
            this.index = index;
            this.count = count;
            this.nextExpected = nextExpected;
            this.receivedCount = receivedCount;
            continueLater();
        }

        private void continueLater()
        {
            if (context.send(context.self(), out, 0, 0) < 0)
            {
                failures.record("end " + index + " could not wake itself");
            }
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (end.isFromPeer(header))
            {
                final long value = buffer.getLong(offset);
                if (value != nextExpected[index])
                {
                    failures.record("end " + index + " got " + value + ", expected " + nextExpected[index]);
                }
                nextExpected[index] = value + 1;
                receivedCount.incrementAndGet();
                return;
            }
            if (header.senderId() != context.self().id())
            {
                failures.record("end " + index + " got a message from " + header.senderId());
                return;
            }
            for (int i = 0; i < BATCH && next < count; i++)
            {
                out.putLong(0, next);
                final long result = end.offer(out, 0, 8);
                if (result == SendResult.BACK_PRESSURED)
                {
                    break;
                }
                if (result < 0)
                {
                    failures.record("end " + index + " message " + next + ": " + SendResult.describe(result));
                    return;
                }
                next++;
            }
            if (next < count)
            {
                continueLater();
            }
        }
    }

    /** Keeps sending into an end's address, counting each refusal; anything else is a failure. */
    private final class Intruder implements Actor
    {
        private static final int BATCH = 64;
        private final ActorContext context;
        private final String target;
        private final int count;
        private final AtomicLong refused;
        private final UnsafeBuffer out = new UnsafeBuffer(new byte[8]);
        private int sent;

        Intruder(final ActorContext context, final String target, final int count, final AtomicLong refused)
        {
            this.context = context;
            this.target = target;
            this.count = count;
            this.refused = refused;
            context.send(context.self(), out, 0, 0);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            for (int i = 0; i < BATCH && sent < count; i++, sent++)
            {
                out.putLong(0, -1 - sent);
                final long result = context.send(context.lookup(target), out, 0, 8);
                if (result == SendResult.REFUSED)
                {
                    refused.incrementAndGet();
                }
                else
                {
                    failures.record(context.name() + " into " + target + ": " + SendResult.describe(result));
                }
            }
            if (sent < count)
            {
                context.send(context.self(), out, 0, 0);
            }
        }
    }
}
