package io.ringway.patterns.reliability;

import io.ringway.patterns.Topology;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full rings everywhere at once: every consumer is paused (they all run on one caller-run dispatcher that nobody
 * invokes), while two threads send, one into a worker's mailbox and one into a fan-out ring with two lossless
 * subscribers.
 * <pre>
 *  thread A --offer--&gt; worker mailbox (64)                    \
 *  thread B --offer--&gt; fan-out ring "prices" (64) --&gt; s1, s2   &gt;  all on dispatcher "consumers": paused
 * </pre>
 * Each sender must fill its ring exactly, then get {@code BACK_PRESSURED} on every further try, each try returning
 * at once (nothing blocks); once the consumers resume, everything sent arrives, once, in order.
 */
class FullRingsTest
{
    private static final int RING_SIZE = 64;
    private static final int MESSAGES = 1_000;

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
    void shouldBackPressureEverySenderWhileEveryConsumerIsPausedAndDeliverEverythingOnceConsumersResume()
        throws InterruptedException
    {
        final Inbox worker = new Inbox();
        final Inbox s1 = new Inbox();
        final Inbox s2 = new Inbox();
        ringway = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory).closeReportHandler(report -> { }))
            .callerDispatcher("consumers")
            .actor("feed", context -> (buffer, offset, length, header) -> { }, actor -> actor.dispatcher("consumers"))
            .actor("s1", context -> s1, actor -> actor.dispatcher("consumers"))
            .actor("s2", context -> s2, actor -> actor.dispatcher("consumers"))
            .actor("worker", context -> worker, actor -> actor.dispatcher("consumers").ringSize(RING_SIZE))
            .fanOut("prices", fanOut -> fanOut
                .publisher("feed")
                .subscriber("s1", Delivery.LOSSLESS, "")
                .subscriber("s2", Delivery.LOSSLESS, "")
                .ringSize(RING_SIZE))
            .build()
            .start();

        final Sender toWorker = new Sender("to-worker", ringway.actor("worker"));
        final Sender toRing = new Sender("to-ring", ringway.sharedRing("prices"));
        toWorker.start();
        toRing.start();
        awaitTrue(() -> toWorker.backPressured.get() >= 100 && toRing.backPressured.get() >= 100,
            () -> "both senders refused again and again: " + toWorker + ", " + toRing);

        assertEquals(RING_SIZE, toWorker.sent.get(), "the mailbox took exactly its capacity, then refused");
        assertEquals(RING_SIZE, toRing.sent.get(), "the ring took exactly its size, then refused");
        assertEquals(0, worker.values.size() + s1.values.size() + s2.values.size(), "every consumer was paused");

        final AgentInvoker consumers = ringway.invoker("consumers");
        awaitTrue(() ->
        {
            consumers.invoke();
            return worker.values.size() == MESSAGES && s1.values.size() == MESSAGES && s2.values.size() == MESSAGES;
        }, () -> "worker " + worker.values.size() + ", s1 " + s1.values.size() + ", s2 " + s2.values.size());
        toWorker.join(TimeUnit.SECONDS.toMillis(10));
        toRing.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(toWorker.isAlive() || toRing.isAlive(), "both senders finished");

        System.out.printf("full rings: %s; %s; %d of %d delivered to worker, s1 and s2%n",
            toWorker, toRing, MESSAGES, MESSAGES);
        for (int i = 0; i < MESSAGES; i++)
        {
            assertEquals(i, worker.values.get(i), "worker: every message once, in order");
            assertEquals(i, s1.values.get(i), "s1: every message once, in order");
            assertEquals(i, s2.values.get(i), "s2: every message once, in order");
        }
    }

    private static void awaitTrue(final BooleanSupplier condition, final Supplier<String> what)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            assertTrue(deadlineNs - System.nanoTime() > 0, what);
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
    }

    /** Sends 0 .. MESSAGES-1, retrying each back-pressured one, and times the longest single try. */
    private static final class Sender extends Thread
    {
        private final MessageSink sink;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong backPressured = new AtomicLong();
        private volatile long longestTryNs;

        Sender(final String name, final MessageSink sink)
        {
            super(name);
            this.sink = sink;
        }

        @Override
        public void run()
        {
            final UnsafeBuffer message = new UnsafeBuffer(new byte[Long.BYTES]);
            for (long i = 0; i < MESSAGES; i++)
            {
                message.putLong(0, i);
                while (true)
                {
                    final long startNs = System.nanoTime();
                    final long result = sink.offer(MessageSlot.NO_SENDER, 0, 0, message, 0, Long.BYTES);
                    longestTryNs = Math.max(longestTryNs, System.nanoTime() - startNs);
                    if (result >= 0)
                    {
                        break;
                    }
                    if (result != SendResult.BACK_PRESSURED)
                    {
                        throw new IllegalStateException(getName() + ": " + SendResult.describe(result));
                    }
                    backPressured.incrementAndGet();
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
                }
                sent.incrementAndGet();
            }
        }

        @Override
        public String toString()
        {
            return getName() + " sent " + sent.get() + ", back-pressured " + backPressured.get()
                + " times, longest try " + TimeUnit.NANOSECONDS.toMicros(longestTryNs) + " us";
        }
    }

    /** Keeps each message's number; runs on the test thread (the caller-run dispatcher). */
    private static final class Inbox implements Actor
    {
        private final List<Long> values = new ArrayList<>();

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            values.add(buffer.getLong(offset));
        }
    }
}
