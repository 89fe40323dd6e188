package io.ringway.runtime.reliability;

import io.ringway.runtime.CloseReport;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Close under load, from several threads at once:
 * <pre>
 *  4 producer threads --offer--&gt; relay (dispatcher "first") --send, waits while back-pressured--&gt; sink ("second")
 *                     --offer------------------------------------------------------------------&gt; sink
 *  3 closer threads   --close()-- all at the same moment, while every mailbox is full
 * </pre>
 * Nothing may deadlock (the relay waits inside its handler on a full sink, the hardest case for a drain), no
 * exception may reach any caller, every thread must be joined, and every message a mailbox accepted must be
 * accounted for: handled, or discarded and named in the close report.
 */
class CloseUnderLoadTest
{
    private static final int PRODUCERS = 4;
    private static final int CLOSERS = 3;
    private static final int RELAY = 0;
    private static final int SINK = 1;

    @TempDir
    Path runtimeDirectory;

    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Test
    void shouldCloseFromSeveralThreadsAtOnceUnderLoadWithoutDeadlockOrEscapingExceptionAndAccountForEveryMessage()
        throws InterruptedException
    {
        final AtomicLong relayed = new AtomicLong();
        final AtomicLong relayRefused = new AtomicLong();
        final AtomicLong relayHandled = new AtomicLong();
        final AtomicLong sinkHandled = new AtomicLong();
        final Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .errorHandler(errors::add)
            .closeReportHandler(report -> { })
            .drainTimeout(Duration.ofMillis(1)) // shorter than the backlog takes: the discard path runs too
            .dispatcher("first", Idle.BACKOFF)
            .dispatcher("second", Idle.BACKOFF)
            .actor("relay", context -> new Relay(context, relayHandled, relayed, relayRefused),
                actor -> actor.dispatcher("first").ringSize(64))
            .actor("sink", context -> (buffer, offset, length, header) ->
            {
                sinkHandled.incrementAndGet();
                LockSupport.parkNanos(100_000); // a slow consumer keeps the mailboxes full
            }, actor -> actor.dispatcher("second").ringSize(64))
            .build()
            .start();

        final AtomicLongArray accepted = new AtomicLongArray(2);
        final List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < PRODUCERS; i++)
        {
            final ActorRef target = ringway.actor(i % 2 == 0 ? "relay" : "sink");
            final int index = i % 2 == 0 ? RELAY : SINK;
            threads.add(guarded("producer-" + i, () -> produceUntilClosed(target, accepted, index)));
        }
        threads.forEach(Thread::start);
        awaitTrue(() -> sinkHandled.get() >= 1_000, "load flowing: sink handled " + sinkHandled.get());

        final CountDownLatch go = new CountDownLatch(1);
        final List<CloseReport> reports = new CopyOnWriteArrayList<>();
        final List<Thread> closers = new ArrayList<>();
        for (int i = 0; i < CLOSERS; i++)
        {
            closers.add(guarded("closer-" + i, () ->
            {
                go.await();
                ringway.close();
                reports.add(ringway.closeReport());
            }));
        }
        closers.forEach(Thread::start);
        go.countDown();
        threads.addAll(closers);
        for (final Thread thread : threads)
        {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(thread.isAlive(), thread.getName() + " still running: deadlock or a send that never returns");
        }

        assertEquals(List.of(), errors, "no exception escaped a caller, an actor or a dispatcher");
        assertEquals(CLOSERS, reports.size());
        for (final CloseReport report : reports)
        {
            assertSame(reports.get(0), report, "one close, the same report for every caller");
        }
        final CloseReport report = reports.get(0);
        final long relayDiscarded = report.discardedByActor().getOrDefault("relay", 0L);
        final long sinkDiscarded = report.discardedByActor().getOrDefault("sink", 0L);
        System.out.printf("close under load: accepted relay %d, sink %d; relayed %d, relay refused at close %d; "
                + "discarded relay %d, sink %d; close took %d ms, drained %b%n", accepted.get(RELAY),
            accepted.get(SINK), relayed.get(), relayRefused.get(), relayDiscarded, sinkDiscarded,
            TimeUnit.NANOSECONDS.toMillis(report.durationNs()), report.drained());
        assertEquals(accepted.get(RELAY), relayHandled.get() + relayDiscarded, "every message relay accepted");
        assertEquals(relayHandled.get(), relayed.get() + relayRefused.get(), "relay sent or was refused each one");
        assertEquals(accepted.get(SINK) + relayed.get(), sinkHandled.get() + sinkDiscarded,
            "every message sink accepted");
    }

    private static void produceUntilClosed(final ActorRef target, final AtomicLongArray accepted, final int index)
    {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
        long result;
        while ((result = target.offer(message, 0, 8)) != SendResult.CLOSED)
        {
            if (result >= 0)
            {
                accepted.incrementAndGet(index);
            }
            else if (result == SendResult.BACK_PRESSURED)
            {
                LockSupport.parkNanos(10_000);
            }
            else
            {
                throw new IllegalStateException("offer returned " + SendResult.describe(result));
            }
        }
    }

    private Thread guarded(final String name, final Body body)
    {
        return new Thread(() ->
        {
            try
            {
                body.run();
            }
            catch (final Throwable ex)
            {
                errors.add(ex);
            }
        }, name);
    }

    private static void awaitTrue(final BooleanSupplier condition, final String what)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            assertTrue(deadlineNs - System.nanoTime() > 0, what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** A thread's body, which may throw. */
    private interface Body
    {
        void run() throws Exception;
    }

    /** Forwards each message to the sink, waiting in its handler while the sink is full. */
    private static final class Relay implements Actor
    {
        private final ActorContext context;
        private final ActorRef sink;
        private final AtomicLong handled;
        private final AtomicLong relayed;
        private final AtomicLong refused;

        Relay(final ActorContext context, final AtomicLong handled, final AtomicLong relayed, final AtomicLong refused)
        {
            this.context = context;
            this.sink = context.lookup("sink");
            this.handled = handled;
            this.relayed = relayed;
            this.refused = refused;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            handled.incrementAndGet();
            long result;
            while ((result = context.send(sink, buffer, offset, length)) == SendResult.BACK_PRESSURED)
            {
                LockSupport.parkNanos(10_000);
            }
            (result >= 0 ? relayed : refused).incrementAndGet();
        }
    }
}
