package io.ringway.patterns.fanout;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.Await;
import io.ringway.patterns.testing.BackPressure;
import io.ringway.patterns.testing.Recording;
import io.ringway.patterns.testing.TopologyContract;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What fan-out promises, whatever the placement of its members: every subscriber sees every message whose topic
 * starts with one of its prefixes, once, in publish order; lossless subscribers back-pressure the publishers;
 * lossy ones never do and count what they miss; prefixes change while running with ZeroMQ's semantics.
 * <p>
 * The tests talk to members only through commands to their mailboxes, what the test actors record, operator
 * getters and counters, so that a subclass can put members behind a bridge: where the members are made local or
 * remote is {@link #placement()}, all a subclass implements ({@link InProcessFanOutTest} places them in one
 * runtime). Tests that need determinism run members on caller-run dispatchers and step them with
 * {@link #dutyCycle(String)}.
 */
public abstract class FanOutContract extends TopologyContract
{
    static final String OPERATOR = "prices";
    /** What a publisher publishes: {@code ActorContext.publish} leaves the message type 0. */
    static final int DATA = 0;
    /** To a publisher: publish {@code [topicLength int][topic][body]}; the result goes to {@link #publishResults}. */
    static final int PUBLISH = 1;
    /** To a publisher: {@code [index int][count int]}, publish count messages on topic P(index), retrying. */
    static final int BURST = 2;
    /** To a subscriber: subscribe to the body as a prefix; the result goes to its inbox's codes. */
    static final int SUBSCRIBE = 3;
    /** To a subscriber: unsubscribe the body as a prefix; the result goes to its inbox's codes. */
    static final int UNSUBSCRIBE = 4;
    /** To a subscriber: throw, so that it is supervised. */
    static final int FAIL = 5;
    static final int MAX_PUBLISHERS = 8;

    final List<Long> publishResults = Collections.synchronizedList(new ArrayList<>());
    final List<String> burstFailures = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger burstsDone = new AtomicInteger();
    final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[256]);

    /** What one subscriber actor saw, kept outside the actor so that it survives restarts. */
    static final class Inbox extends Recording
    {
        final List<Integer> codes = Collections.synchronizedList(new ArrayList<>());
        volatile boolean checkSequences;
        volatile Subscription subscription;

        Inbox()
        {
            super(MAX_PUBLISHERS);
        }

        int lastCode()
        {
            synchronized (codes)
            {
                return codes.get(codes.size() - 1);
            }
        }
    }

    Inbox inbox(final String subscriber)
    {
        return inboxes.computeIfAbsent(subscriber, name -> new Inbox());
    }

    /** A publisher that publishes what it is told to. */
    ActorFactory publisher()
    {
        return context -> new Actor()
        {
            private final FanOutPublisher prices = context.attachment(OPERATOR, FanOutPublisher.class);
            private final UnsafeBuffer topic = new UnsafeBuffer(new byte[16]);
            private final UnsafeBuffer body = new UnsafeBuffer(new byte[12]);

            @Override
            public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
            {
                if (header.messageType() == PUBLISH)
                {
                    final int topicLength = buffer.getInt(offset);
                    final int bodyOffset = offset + 4 + topicLength;
                    publishResults.add(prices.publish(
                        buffer, offset + 4, topicLength, buffer, bodyOffset, offset + length - bodyOffset));
                }
                else if (header.messageType() == BURST)
                {
                    burst(buffer.getInt(offset), buffer.getInt(offset + 4));
                }
            }

            private void burst(final int index, final int count)
            {
                final int topicLength = topic.putStringWithoutLengthAscii(0, "P" + index);
                body.putInt(0, index);
                for (long seq = 0; seq < count; seq++)
                {
                    body.putLong(4, seq);
                    final long result = BackPressure.retry(() -> prices.publish(topic, 0, topicLength, body, 0, 12));
                    if (result < 0)
                    {
                        burstFailures.add("P" + index + " seq " + seq + ": " + SendResult.describe(result));
                        return;
                    }
                }
                burstsDone.incrementAndGet();
            }
        };
    }

    /** A subscriber that records what it receives as {@code topic|body}, or checks sequences in a stress. */
    ActorFactory subscriber(final String name)
    {
        final Inbox inbox = inbox(name);
        return context -> new Recorder(context, inbox);
    }

    private static final class Recorder implements Actor
    {
        private final ActorContext context;
        private final Inbox inbox;
        private final Subscription prices;

        Recorder(final ActorContext context, final Inbox inbox)
        {
            this.context = context;
            this.inbox = inbox;
            this.prices = context.attachment(OPERATOR, Subscription.class);
            inbox.subscription = prices;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            switch (header.messageType())
            {
                case SUBSCRIBE -> inbox.codes.add(prices.subscribe(buffer, offset, length));
                case UNSUBSCRIBE -> inbox.codes.add(prices.unsubscribe(buffer, offset, length));
                case FAIL -> throw new IllegalStateException("told to fail");
                default -> onData(buffer, offset, length, header);
            }
        }

        private void onData(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (inbox.checkSequences)
            {
                checkSequence(buffer.getInt(offset), buffer.getLong(offset + 4));
            }
            else
            {
                final int topicLength = header.topicLength();
                final String topic = buffer.getStringWithoutLengthAscii(offset - topicLength, topicLength);
                final String from = fromAnotherPublisher(header.senderId());
                inbox.messages.add(topic + "|" + buffer.getStringWithoutLengthAscii(offset, length) + from);
            }
            inbox.count.incrementAndGet();
        }

        /** @return {@code " from <name>"} for a message from a publisher actor other than feed, else nothing. */
        private String fromAnotherPublisher(final int senderId)
        {
            final ActorRef sender = context.sender(senderId);
            return null == sender || sender.name().equals("feed") ? "" : " from " + sender.name();
        }

        private void checkSequence(final int publisher, final long seq)
        {
            final long last = inbox.lastSeq[publisher];
            final boolean inOrder = prices.delivery() == Delivery.LOSSLESS ? seq == last + 1 : seq > last;
            if (!inOrder)
            {
                inbox.violation("P" + publisher + " seq " + seq + " after " + last);
            }
            inbox.lastSeq[publisher] = seq;
        }
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    void publish(final String publisher, final byte[] topic, final String body)
    {
        command.putInt(0, topic.length);
        command.putBytes(4, topic);
        final int length = 4 + topic.length + command.putStringWithoutLengthAscii(4 + topic.length, body);
        assertTrue(tell(publisher, PUBLISH, command, 0, length) >= 0, "told " + publisher + " to publish");
    }

    void publish(final String publisher, final String topic, final String body)
    {
        publish(publisher, ascii(topic), body);
    }

    long lastPublishResult()
    {
        synchronized (publishResults)
        {
            return publishResults.get(publishResults.size() - 1);
        }
    }

    void tellPrefix(final String subscriber, final int type, final byte[] prefix)
    {
        command.putBytes(0, prefix);
        assertTrue(tell(subscriber, type, command, 0, prefix.length) >= 0);
    }

    int subscribe(final String subscriber, final String prefix, final String dispatcher)
    {
        tellPrefix(subscriber, SUBSCRIBE, ascii(prefix));
        dutyCycle(dispatcher);
        return inbox(subscriber).lastCode();
    }

    int unsubscribe(final String subscriber, final String prefix, final String dispatcher)
    {
        tellPrefix(subscriber, UNSUBSCRIBE, ascii(prefix));
        dutyCycle(dispatcher);
        return inbox(subscriber).lastCode();
    }

    /** One publisher "feed" on caller-run "pub"; subscribers declared by the test on caller-run "sub". */
    TopologyBuilder oneFeed(final String... subscribers)
    {
        return oneFeedOn(List.of("pub", "sub"), subscribers);
    }

    /** {@link #oneFeed}, and one more caller-run dispatcher for subscribers, {@code extraDispatcher}. */
    TopologyBuilder oneFeedAnd(final String extraDispatcher, final String... subscribers)
    {
        return oneFeedOn(List.of("pub", "sub", extraDispatcher), subscribers);
    }

    private TopologyBuilder oneFeedOn(final List<String> callerDispatchers, final String... subscribers)
    {
        final TopologyBuilder topology =
            newTopology(everywhere -> callerDispatchers.forEach(everywhere::callerDispatcher))
            .actor("feed", publisher(), actor -> actor.dispatcher("pub"));
        for (final String subscriber : subscribers)
        {
            placeSubscriber(topology, subscriber, "sub");
        }
        return topology;
    }

    /** Declares a recording subscriber actor on a dispatcher, wherever the placement puts members. */
    void placeSubscriber(final TopologyBuilder topology, final String name, final String dispatcher)
    {
        members().placeMember(topology, name, subscriber(name), dispatcher);
    }

    /**
     * Declares the operator through the placement, then starts the topology: publishers and subscribers by
     * role, so that a placement may put the subscribers behind a bridge; bounds straight on the spec.
     */
    void start(final TopologyBuilder topology, final Consumer<Declaration> operator)
    {
        members().fanOut(topology, OPERATOR, spec -> operator.accept(new Declaration(spec)));
        start(topology);
    }

    /** The fan-out's declaration as the tests write it, with its members named through the placement. */
    final class Declaration
    {
        private final FanOutSpec spec;

        Declaration(final FanOutSpec spec)
        {
            this.spec = spec;
        }

        Declaration publisher(final String actor)
        {
            members().publisher(spec, actor);
            return this;
        }

        Declaration subscriber(final String member, final Delivery delivery, final String... prefixes)
        {
            members().subscriber(spec, member, delivery, prefixes);
            return this;
        }

        Declaration ringSize(final int ringSize)
        {
            spec.ringSize(ringSize);
            return this;
        }

        Declaration maxPrefixes(final int maxPrefixes)
        {
            spec.maxPrefixes(maxPrefixes);
            return this;
        }

        Declaration maxPrefixLength(final int maxPrefixLength)
        {
            spec.maxPrefixLength(maxPrefixLength);
            return this;
        }

        Declaration maxMessageLength(final int maxMessageLength)
        {
            spec.maxMessageLength(maxMessageLength);
            return this;
        }
    }

    void publishAndDeliver(final String topic, final String body)
    {
        publish("feed", topic, body);
        dutyCycle("pub");
        assertTrue(lastPublishResult() >= 0,
            () -> "publish " + topic + ": " + SendResult.describe(lastPublishResult()));
        dutyCycle("sub");
    }

    @Test
    void shouldDeliverEachMessageToEverySubscriberWhoseTopicMatchesInPublishOrder()
    {
        start(oneFeed("eurDesk", "gbpDesk", "everything"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("eurDesk", Delivery.LOSSLESS, "EUR")
            .subscriber("gbpDesk", Delivery.LOSSLESS, "GBP")
            .subscriber("everything", Delivery.LOSSLESS, ""));

        publish("feed", "EURUSD", "1");
        publish("feed", "GBPUSD", "2");
        publish("feed", "EURGBP", "3");
        publish("feed", "USDJPY", "4");
        dutyCycle("pub");
        dutyCycle("sub");

        assertEquals(List.of("EURUSD|1", "EURGBP|3"), inbox("eurDesk").messages());
        assertEquals(List.of("GBPUSD|2"), inbox("gbpDesk").messages());
        assertEquals(List.of("EURUSD|1", "GBPUSD|2", "EURGBP|3", "USDJPY|4"), inbox("everything").messages());
    }

    @Test
    void shouldMatchTopicsByBytePrefixAsZeroMqDoes()
    {
        start(oneFeed("eur"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("eur", Delivery.LOSSLESS, "EUR", "EURUSD.SPOT"));

        for (final String topic : List.of("EUR", "EURUSD", "EU", "XEUR", "eurusd", "", "E", "EURUSD.SPOX"))
        {
            publishAndDeliver(topic, "m");
        }
        assertEquals(List.of("EUR|m", "EURUSD|m", "EURUSD.SPOX|m"), inbox("eur").messages(),
            "'EURUSD.SPOX' matches through 'EUR' only");

        assertEquals(0, unsubscribe("eur", "EUR", "sub"));
        for (final String topic : List.of("EURUSD.SPOT", "EURUSD.SPOT.LDN", "EURUSD.SPOX", "EURUSD.SPO"))
        {
            publishAndDeliver(topic, "n");
        }
        assertEquals(List.of("EUR|m", "EURUSD|m", "EURUSD.SPOX|m", "EURUSD.SPOT|n", "EURUSD.SPOT.LDN|n"),
            inbox("eur").messages());
    }

    @Test
    void shouldMatchBinaryPrefixesByteForByte()
    {
        start(oneFeed("binary"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("binary", Delivery.LOSSLESS));
        tellPrefix("binary", SUBSCRIBE, new byte[]{ (byte)0xFF, 0 });
        dutyCycle("sub");
        assertEquals(1, inbox("binary").lastCode());

        publish("feed", new byte[]{ (byte)0xFF, 0, 7 }, "yes");
        publish("feed", new byte[]{ (byte)0xFF, 1 }, "no");
        publish("feed", new byte[]{ (byte)0xFF }, "no");
        publish("feed", new byte[]{ 0x7F, 0 }, "no");
        dutyCycle("pub");
        dutyCycle("sub");

        assertEquals(1, inbox("binary").count.get());
        assertTrue(inbox("binary").messages().get(0).endsWith("|yes"), inbox("binary").messages().toString());
    }

    @Test
    void shouldGiveTheEmptyPrefixEveryMessageEvenOneWithoutATopic()
    {
        start(oneFeed("all", "x"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("all", Delivery.LOSSLESS, "")
            .subscriber("x", Delivery.LOSSLESS, "X"));

        publishAndDeliver("", "no topic");
        publishAndDeliver("X", "x topic");

        assertEquals(List.of("|no topic", "X|x topic"), inbox("all").messages());
        assertEquals(List.of("X|x topic"), inbox("x").messages());
    }

    @Test
    void shouldDeliverAMessageOnceHoweverManyPrefixesMatch()
    {
        start(oneFeed("greedy"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("greedy", Delivery.LOSSLESS, "E", "EU", "EUR", "", "EUR"));

        publishAndDeliver("EURUSD", "once");

        assertEquals(List.of("EURUSD|once"), inbox("greedy").messages());
    }

    @Test
    void shouldHandTheSubscriberTheBodyWithTheTopicJustBeforeItAndThePublisherAsSender()
    {
        start(oneFeed("eur").actor("other", publisher(), actor -> actor.dispatcher("pub")), fanOut -> fanOut
            .publisher("feed")
            .publisher("other")
            .subscriber("eur", Delivery.LOSSLESS, "EUR"));

        publish("feed", "EURUSD", "1.0842");
        publish("other", "EURJPY", "161.2");
        dutyCycle("pub");
        dutyCycle("sub");

        final List<String> seen = inbox("eur").messages();
        assertEquals(2, seen.size(), seen.toString());
        assertEquals("EURUSD|1.0842", seen.get(0), "topic read from just before the body; sent by feed");
        assertEquals("EURJPY|161.2 from other", seen.get(1), "stamped with the other publisher");
    }

    @Test
    void shouldBackPressureThePublishersWhileALosslessSubscriberIsARingBehind()
    {
        final TopologyBuilder topology = oneFeedAnd("fastDispatcher", "slow");
        placeSubscriber(topology, "fast", "fastDispatcher");
        start(topology, fanOut -> fanOut
            .publisher("feed")
            .subscriber("fast", Delivery.LOSSLESS, "")
            .subscriber("slow", Delivery.LOSSLESS, "")
            .ringSize(4));

        for (int i = 0; i < 4; i++)
        {
            publish("feed", "T", Integer.toString(i));
            dutyCycle("pub");
            dutyCycle("fastDispatcher");
            assertTrue(lastPublishResult() >= 0);
        }
        publish("feed", "T", "4");
        dutyCycle("pub");
        assertEquals(SendResult.BACK_PRESSURED, lastPublishResult(), "slow has read nothing of a ring of 4");
        assertEquals(1, counter("ring " + OPERATOR + ": back-pressured"));

        dutyCycle("sub");
        publish("feed", "T", "4");
        dutyCycle("pub");
        assertTrue(lastPublishResult() >= 0, "slow caught up, so the retry goes in");
        dutyCycle("sub");
        dutyCycle("fastDispatcher");

        final List<String> all = List.of("T|0", "T|1", "T|2", "T|3", "T|4");
        assertEquals(all, inbox("slow").messages());
        assertEquals(all, inbox("fast").messages());
        assertEquals(0, inbox("slow").subscription.missed());
    }

    @Test
    void shouldNeverHoldThePublisherBackForALossySubscriberAndCountEveryMessageItMissed()
    {
        start(oneFeed("monitor"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("monitor", Delivery.LOSSY, "")
            .ringSize(8));

        final int published = 40;
        for (int i = 0; i < published; i++)
        {
            publish("feed", "T", Integer.toString(i));
            dutyCycle("pub");
            assertTrue(lastPublishResult() >= 0, "a lossy subscriber never back-pressures");
        }
        dutyCycle("sub");
        dutyCycle("sub");

        final Inbox monitor = inbox("monitor");
        final long missed = monitor.subscription.missed();
        final List<String> seen = monitor.messages();
        assertTrue(missed > 0, "lapped four times over");
        assertEquals(published, seen.size() + missed, "every message seen or counted missed: " + seen);
        assertEquals("T|" + (published - 1), seen.get(seen.size() - 1), "caught up with the newest");
        for (int i = 1; i < seen.size(); i++)
        {
            assertEquals(seq(seen.get(i - 1)) + 1, seq(seen.get(i)), "in order after the skip: " + seen);
        }
        assertEquals(missed, counter("ring " + OPERATOR + " reader monitor: dropped"), "misses in the counters file");
    }

    private static int seq(final String message)
    {
        return Integer.parseInt(message.substring(message.indexOf('|') + 1));
    }

    @Test
    void shouldKeepALosslessSubscriberWholeWhileALossyOneIsLapped()
    {
        final TopologyBuilder topology = oneFeedAnd("bookDispatcher", "monitor");
        placeSubscriber(topology, "book", "bookDispatcher");
        start(topology, fanOut -> fanOut
            .publisher("feed")
            .subscriber("book", Delivery.LOSSLESS, "")
            .subscriber("monitor", Delivery.LOSSY, "")
            .ringSize(8));

        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++)
        {
            publish("feed", "T", Integer.toString(i));
            dutyCycle("pub");
            assertTrue(lastPublishResult() >= 0, "gated by book alone, which keeps up");
            dutyCycle("bookDispatcher");
            expected.add("T|" + i);
        }
        dutyCycle("sub");

        assertEquals(expected, inbox("book").messages());
        assertEquals(0, inbox("book").subscription.missed());
        assertTrue(inbox("monitor").subscription.missed() > 0);
        assertEquals(40, inbox("monitor").count.get() + inbox("monitor").subscription.missed());
    }

    @Test
    void shouldStartDeliveringAPrefixSubscribedWhileRunning()
    {
        start(oneFeed("late"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("late", Delivery.LOSSLESS));

        publishAndDeliver("EURUSD", "before");
        assertEquals(List.of(), inbox("late").messages(), "no prefix takes nothing, as a ZeroMQ SUB");

        assertEquals(1, subscribe("late", "EUR", "sub"));
        publishAndDeliver("EURUSD", "after");
        publishAndDeliver("GBPUSD", "other");

        assertEquals(List.of("EURUSD|after"), inbox("late").messages());
    }

    @Test
    void shouldStopDeliveringAPrefixUnsubscribedWhileRunning()
    {
        start(oneFeed("desk"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("desk", Delivery.LOSSLESS, "EUR", "GBP"));

        publishAndDeliver("EURUSD", "1");
        assertEquals(0, unsubscribe("desk", "EUR", "sub"));
        publishAndDeliver("EURUSD", "2");
        publishAndDeliver("GBPUSD", "3");

        assertEquals(List.of("EURUSD|1", "GBPUSD|3"), inbox("desk").messages());
    }

    @Test
    void shouldNeedAsManyUnsubscribesAsSubscribesOfAPrefix()
    {
        start(oneFeed("desk"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("desk", Delivery.LOSSLESS, "EUR"));

        assertEquals(2, subscribe("desk", "EUR", "sub"), "declared once, subscribed again");
        assertEquals(1, unsubscribe("desk", "EUR", "sub"));
        publishAndDeliver("EURUSD", "still");
        assertEquals(0, unsubscribe("desk", "EUR", "sub"));
        publishAndDeliver("EURUSD", "gone");
        assertEquals(Subscription.NOT_SUBSCRIBED, unsubscribe("desk", "EUR", "sub"));

        assertEquals(List.of("EURUSD|still"), inbox("desk").messages());
    }

    @Test
    void shouldRefuseAPrefixBeyondItsPreSizedStorageWithACode()
    {
        start(oneFeed("desk"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("desk", Delivery.LOSSLESS, "A")
            .maxPrefixes(2)
            .maxPrefixLength(4));

        assertEquals(Subscription.PREFIX_TOO_LONG, subscribe("desk", "ABCDE", "sub"));
        assertEquals(1, subscribe("desk", "ABCD", "sub"));
        assertEquals(Subscription.TOO_MANY_PREFIXES, subscribe("desk", "C", "sub"));
        assertEquals(2, subscribe("desk", "A", "sub"), "a prefix already held needs no room");
        publishAndDeliver("C1", "refused prefix");
        publishAndDeliver("ABCDE", "held prefix");
        assertEquals(List.of("ABCDE|held prefix"), inbox("desk").messages());

        assertEquals(0, unsubscribe("desk", "ABCD", "sub"));
        assertEquals(1, subscribe("desk", "C", "sub"), "room again");
    }

    @Test
    void shouldRefuseAMessageLargerThanTheRingWithACodeAndCountIt()
    {
        start(oneFeed("desk"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("desk", Delivery.LOSSLESS, "")
            .maxMessageLength(16));

        publish("feed", "EUR", "0123456789abcd");
        dutyCycle("pub");
        assertEquals(SendResult.MESSAGE_TOO_LARGE, lastPublishResult(), "3 + 14 bytes > 16");
        publishAndDeliver("EUR", "0123456789abc");

        assertEquals(List.of("EUR|0123456789abc"), inbox("desk").messages());
        assertEquals(1, counter("ring " + OPERATOR + ": dropped"));
    }

    @Test
    void shouldKeepSubscriptionsThroughTheSubscribersRestart()
    {
        start(oneFeed("desk"), fanOut -> fanOut
            .publisher("feed")
            .subscriber("desk", Delivery.LOSSLESS, "EUR"));
        final Subscription before = inbox("desk").subscription;
        assertEquals(1, subscribe("desk", "GBP", "sub"));

        assertTrue(tell("desk", FAIL, command, 0, 0) >= 0);
        dutyCycle("sub");
        publishAndDeliver("EURUSD", "1");
        publishAndDeliver("GBPUSD", "2");

        assertSame(before, inbox("desk").subscription, "the restarted actor finds the same subscription");
        assertEquals(List.of("EURUSD|1", "GBPUSD|2"), inbox("desk").messages());
        assertEquals(1, counter("actor desk: errors"));
        assertEquals(1, errors.size());
        assertEquals("told to fail", errors.remove(0).getCause().getMessage());
    }

    @Test
    void shouldDeliverEveryMessageOnceInEachPublishersOrderUnderConcurrentPublishers()
    {
        final int publishers = 3;
        final int perPublisher = 5_000;
        final TopologyBuilder topology = newTopology(everywhere ->
        {
            for (int p = 0; p < publishers; p++)
            {
                everywhere.dispatcher("pub" + p, Idle.BACKOFF);
            }
            everywhere.dispatcher("subscribers", Idle.BACKOFF).dispatcher("monitorDispatcher", Idle.BACKOFF);
        });
        for (int p = 0; p < publishers; p++)
        {
            final String dispatcher = "pub" + p;
            topology.actor("feed" + p, publisher(), a -> a.dispatcher(dispatcher));
        }
        placeSubscriber(topology, "all", "subscribers");
        placeSubscriber(topology, "evens", "subscribers");
        placeSubscriber(topology, "monitor", "monitorDispatcher");
        for (final String name : List.of("all", "evens", "monitor"))
        {
            inbox(name).checkSequences = true;
        }
        start(topology, fanOut ->
        {
            for (int p = 0; p < publishers; p++)
            {
                fanOut.publisher("feed" + p);
            }
            fanOut
                .subscriber("all", Delivery.LOSSLESS, "")
                .subscriber("evens", Delivery.LOSSLESS, "P0", "P2")
                .subscriber("monitor", Delivery.LOSSY, "")
                .ringSize(64);
        });

        for (int p = 0; p < publishers; p++)
        {
            command.putInt(0, p);
            command.putInt(4, perPublisher);
            assertTrue(tell("feed" + p, BURST, command, 0, 8) >= 0);
        }
        final int total = publishers * perPublisher;
        final Inbox all = inbox("all");
        final Inbox evens = inbox("evens");
        final Inbox monitor = inbox("monitor");
        Await.until(() -> burstsDone.get() == publishers || !burstFailures.isEmpty(),
            () -> burstsDone.get() + " bursts done");
        assertEquals(List.of(), burstFailures);
        Await.until(() -> all.count.get() == total && evens.count.get() == 2 * perPublisher,
            () -> "all saw " + all.count.get() + ", evens saw " + evens.count.get());
        Await.until(() -> monitor.count.get() + monitor.subscription.missed() == total,
            () -> "monitor saw " + monitor.count.get() + " and missed " + monitor.subscription.missed());

        assertEquals(List.of(), all.violations);
        assertEquals(List.of(), evens.violations);
        assertEquals(List.of(), monitor.violations, "a lossy subscriber skips but never reorders or repeats");
        for (int p = 0; p < publishers; p++)
        {
            assertEquals(perPublisher - 1, all.lastSeq[p], "all saw the last of P" + p);
        }
        assertArrayEquals(new long[]{ perPublisher - 1, -1, perPublisher - 1 }, Arrays.copyOf(evens.lastSeq, 3),
            "evens saw the last of P0 and P2 and nothing of P1");
        assertEquals(0, all.subscription.missed() + evens.subscription.missed());
        assertEquals(monitor.subscription.missed(), counter("ring " + OPERATOR + " reader monitor: dropped"));
    }
}
