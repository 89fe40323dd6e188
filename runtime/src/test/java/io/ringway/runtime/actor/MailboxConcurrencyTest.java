package io.ringway.runtime.actor;

import io.ringway.runtime.Await;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.CounterType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.*;

/**
 * N producer threads send M messages each into one actor: nothing lost, nothing duplicated, and each
 * producer's messages arrive in the order it sent them.
 */
class MailboxConcurrencyTest
{
    private static final int PRODUCERS = 4;
    private static final int MESSAGES_PER_PRODUCER = 50_000;

    @TempDir
    Path runtimeDirectory;

    @Test
    void shouldDeliverEveryMessageOnceInPerProducerOrder() throws Exception
    {
        final long[] nextExpected = new long[PRODUCERS];
        final List<String> violations = new ArrayList<>();
        final long[] receivedTotal = new long[1];
        final Object lock = new Object();

        try (Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .dispatcher("consumer")
            .actor("sink", context -> (buffer, offset, length, header) ->
            {
                final int producer = buffer.getInt(offset);
                final long sequence = buffer.getLong(offset + 4);
                synchronized (lock)
                {
                    if (sequence != nextExpected[producer] && violations.size() < 10)
                    {
                        violations.add("producer " + producer + " sent " + sequence + ", expected "
                            + nextExpected[producer]);
                    }
                    nextExpected[producer] = sequence + 1;
                    receivedTotal[0]++;
                }
            }, actor -> actor.ringSize(512))
            .build()
            .start())
        {
            final ActorRef sink = ringway.actor("sink");
            final CountDownLatch go = new CountDownLatch(1);
            final Thread[] threads = new Thread[PRODUCERS];
            for (int p = 0; p < PRODUCERS; p++)
            {
                final int producer = p;
                threads[p] = new Thread(() ->
                {
                    final UnsafeBuffer message = new UnsafeBuffer(new byte[12]);
                    message.putInt(0, producer);
                    awaitQuietly(go);
                    for (long i = 0; i < MESSAGES_PER_PRODUCER; i++)
                    {
                        message.putLong(4, i);
                        long result;
                        while ((result = sink.offer(message, 0, 12)) == SendResult.BACK_PRESSURED)
                        {
                            Thread.yield();
                        }
                        if (result < 0)
                        {
                            throw new AssertionError("offer failed: " + SendResult.describe(result));
                        }
                    }
                }, "producer-" + p);
                threads[p].start();
            }
            go.countDown();
            for (final Thread thread : threads)
            {
                thread.join();
            }

            final long total = (long)PRODUCERS * MESSAGES_PER_PRODUCER;
            Await.until(() -> { synchronized (lock) { return receivedTotal[0] >= total; } },
                () -> "received " + receivedTotal[0] + " of " + total);
            synchronized (lock)
            {
                assertEquals(List.of(), violations, "no gaps, no duplicates, no reordering per producer");
                assertEquals(total, receivedTotal[0], "nothing extra");
                for (int p = 0; p < PRODUCERS; p++)
                {
                    assertEquals(MESSAGES_PER_PRODUCER, nextExpected[p], "producer " + p + " fully delivered");
                }
            }
            Await.until(() -> ringway.actorCounters("sink").get(CounterType.RECEIVED) == total,
                () -> "received counter " + ringway.actorCounters("sink").get(CounterType.RECEIVED));
        }
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
