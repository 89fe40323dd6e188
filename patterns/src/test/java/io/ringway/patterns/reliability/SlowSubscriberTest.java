package io.ringway.patterns.reliability;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutPublisher;
import io.ringway.patterns.fanout.Subscription;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slow subscriber under a fast feed, each member on a dispatcher thread of its own:
 * <pre>
 *  feed (bursts of 10 every 100 us: ~100,000/s) --fan-out "prices" (ring 1024)--+--&gt; fast (keeps up)
 *                                                                              +--&gt; slow (50 us a message)
 * </pre>
 * Lossy, the slow subscriber is lapped: it counts exactly what it missed and sees the rest in order. Lossless, it slows the feed down (back-pressure) and nothing is lost. The fast subscriber's
 * p99 latency is measured alone and beside each kind of slow one, and printed; on a shared two-core machine
 * timings are not asserted, only the counts.
 */
class SlowSubscriberTest
{
    private static final int MESSAGES = 20_000;
    private static final int BURST = 10;
    private static final long BURST_PERIOD_NS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long SLOW_HANDLING_NS = TimeUnit.MICROSECONDS.toNanos(50);

    @TempDir
    Path runtimeDirectory;

    private Ringway ringway;

    @AfterEach
    void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }

    @Test
    void shouldCountExactlyWhatALossySlowSubscriberMissedWhileTheFastOneGetsEverything()
    {
        final Run alone = run(null);
        ringway.close();
        final Run lossy = run(Delivery.LOSSY);

        final long missed = lossy.slow.subscription.missed();
        System.out.printf("slow lossy subscriber: saw %d, missed %d of %d; feed back-pressured %d times; "
                + "fast p99 %d us alone, %d us beside it%n", lossy.slow.count, missed, MESSAGES,
            lossy.feed.backPressured, alone.fast.p99Micros(), lossy.fast.p99Micros());
        assertEquals(MESSAGES, lossy.fast.count, "the fast subscriber got everything");
        assertEquals(0, lossy.fast.outOfOrder, "in order");
        // The feed may still meet back-pressure here, from the fast subscriber, which is lossless, when the machine
        // stalls it; that a lossy reader never gates a publisher is pinned deterministically in FanOutContract.
        assertTrue(missed > 0, "lapped: a 50 us handler cannot keep up with 100,000 a second");
        assertEquals(MESSAGES, lossy.slow.count + missed, "every message seen or counted as missed, exactly");
        assertEquals(0, lossy.slow.outOfOrder, "what it saw, it saw in order");
    }

    @Test
    void shouldSlowTheFeedForALosslessSlowSubscriberAndLoseNothing()
    {
        final Run lossless = run(Delivery.LOSSLESS);

        System.out.printf("slow lossless subscriber: saw %d of %d, missed %d; feed back-pressured %d times; "
                + "fast p99 %d us beside it%n", lossless.slow.count, MESSAGES, lossless.slow.subscription.missed(),
            lossless.feed.backPressured, lossless.fast.p99Micros());
        assertTrue(lossless.feed.backPressured > 0, "the slow subscriber held the feed back");
        assertEquals(MESSAGES, lossless.slow.count, "nothing lost");
        assertEquals(0, lossless.slow.subscription.missed());
        assertEquals(0, lossless.slow.outOfOrder);
        assertEquals(MESSAGES, lossless.fast.count);
        assertEquals(0, lossless.fast.outOfOrder);
    }

    /** The members of one run. */
    private record Run(Feed feed, Subscriber fast, Subscriber slow)
    {
    }

    /** @param slowDelivery the slow subscriber's delivery; null for none. */
    private Run run(final Delivery slowDelivery)
    {
        // Each actor is created on its dispatcher's thread, after start() returns: publish them safely.
        final AtomicReference<Feed> feed = new AtomicReference<>();
        final AtomicReference<Subscriber> fast = new AtomicReference<>();
        final AtomicReference<Subscriber> slow = new AtomicReference<>();
        final TopologyBuilder topology = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory.resolve(String.valueOf(slowDelivery)))
                .closeReportHandler(report -> { }))
            .dispatcher("feed", Idle.BACKOFF)
            .dispatcher("fast", Idle.BACKOFF)
            .actor("feed", context -> set(feed, new Feed(context)), actor -> actor.dispatcher("feed"))
            .actor("fast", context -> set(fast, new Subscriber(context, 0)), actor -> actor.dispatcher("fast"));
        if (null != slowDelivery)
        {
            topology.dispatcher("slow", Idle.BACKOFF)
                .actor("slow", context -> set(slow, new Subscriber(context, SLOW_HANDLING_NS)),
                    actor -> actor.dispatcher("slow"));
        }
        ringway = topology.fanOut("prices", fanOut ->
            {
                fanOut.publisher("feed").subscriber("fast", Delivery.LOSSLESS, "").ringSize(1024);
                if (null != slowDelivery)
                {
                    fanOut.subscriber("slow", slowDelivery, "");
                }
            })
            .build()
            .start();
        final UnsafeBuffer go = new UnsafeBuffer(new byte[1]);
        assertTrue(ringway.actor("feed").offer(go, 0, 1) >= 0);
        awaitTrue(() -> null != feed.get() && feed.get().done && null != fast.get() && fast.get().count == MESSAGES
            && (null == slowDelivery || null != slow.get()
                && slow.get().count + slow.get().subscription.missed() == MESSAGES));
        return new Run(feed.get(), fast.get(), slow.get());
    }

    private static <T extends Actor> T set(final AtomicReference<T> holder, final T actor)
    {
        holder.set(actor);
        return actor;
    }

    private static void awaitTrue(final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertTrue(deadlineNs - System.nanoTime() > 0, "the run finished within 30 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** On one message from outside, publishes MESSAGES numbered and time-stamped messages, in bursts. */
    private static final class Feed implements Actor
    {
        private final FanOutPublisher prices;
        private final UnsafeBuffer topic = new UnsafeBuffer(new byte[]{'T'});
        private final UnsafeBuffer message = new UnsafeBuffer(new byte[2 * Long.BYTES]);
        private volatile long backPressured;
        private volatile boolean done;

        Feed(final ActorContext context)
        {
            this.prices = context.attachment("prices", FanOutPublisher.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            long nextBurstNs = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++)
            {
                if (i % BURST == 0)
                {
                    nextBurstNs += BURST_PERIOD_NS;
                    LockSupport.parkNanos(nextBurstNs - System.nanoTime());
                }
                message.putLong(0, i);
                message.putLong(Long.BYTES, System.nanoTime());
                while (prices.publish(topic, 0, 1, message, 0, message.capacity()) == SendResult.BACK_PRESSURED)
                {
                    backPressured = backPressured + 1;
                    LockSupport.parkNanos(1_000);
                }
            }
            done = true;
        }
    }

    /** Counts, checks order, and keeps each latency; a slow one takes its time over each message. */
    private static final class Subscriber implements Actor
    {
        private final Subscription subscription;
        private final long handlingNs;
        private final long[] latenciesNs = new long[MESSAGES];
        private volatile int count;
        private volatile int outOfOrder;
        private long last = -1;

        Subscriber(final ActorContext context, final long handlingNs)
        {
            this.subscription = context.attachment("prices", Subscription.class);
            this.handlingNs = handlingNs;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            latenciesNs[count] = System.nanoTime() - buffer.getLong(offset + Long.BYTES);
            final long sequence = buffer.getLong(offset);
            if (sequence <= last)
            {
                outOfOrder = outOfOrder + 1;
            }
            last = sequence;
            if (handlingNs > 0)
            {
                LockSupport.parkNanos(handlingNs);
            }
            count = count + 1;
        }

        long p99Micros()
        {
            final long[] sorted = Arrays.copyOf(latenciesNs, count);
            Arrays.sort(sorted);
            return TimeUnit.NANOSECONDS.toMicros(sorted[(int)(sorted.length * 0.99)]);
        }
    }
}
