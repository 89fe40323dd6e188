package io.ringway.runtime.ring;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringway.runtime.status.CounterType;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

class SharedRingTest
{
    private final MessageCounters ringCounters = MessageCounters.forDispatcher(MailboxTest.newCountersManager(), "r");
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);

    private static MessageCounters readerCounters()
    {
        return MessageCounters.forDispatcher(MailboxTest.newCountersManager(), "reader");
    }

    private static final class Collector implements EventPoller.Handler<MessageSlot>
    {
        final List<Long> values = new ArrayList<>();

        @Override
        public boolean onEvent(final MessageSlot slot, final long sequence, final boolean endOfBatch)
        {
            values.add(slot.buffer().getLong(0));
            return true;
        }
    }

    private long offer(final SharedRing ring, final long value)
    {
        message.putLong(0, value);
        return ring.offer(MessageSlot.NO_SENDER, 0, 0, message, 0, 8);
    }

    @Test
    void shouldGiveEveryReaderEveryMessageInOrder()
    {
        final SharedRing ring = new SharedRing("r", ProducerType.MULTI, 8, 64, ringCounters);
        final RingReader a = ring.addReader("a", ReadMode.LOSSLESS, readerCounters());
        final RingReader b = ring.addReader("b", ReadMode.LOSSLESS, readerCounters());
        for (long i = 0; i < 5; i++)
        {
            assertTrue(offer(ring, i) >= 0);
        }
        final Collector fromA = new Collector();
        final Collector fromB = new Collector();
        assertEquals(5, a.poll(fromA, 100));
        assertEquals(2, b.poll(fromB, 2), "limit respected");
        assertEquals(3, b.poll(fromB, 100));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), fromA.values);
        assertEquals(fromA.values, fromB.values);
    }

    @Test
    void shouldBackPressureProducersWhenALosslessReaderIsAWholeRingBehind()
    {
        final SharedRing ring = new SharedRing("r", ProducerType.MULTI, 4, 64, ringCounters);
        final RingReader fast = ring.addReader("fast", ReadMode.LOSSLESS, readerCounters());
        final RingReader slow = ring.addReader("slow", ReadMode.LOSSLESS, readerCounters());
        for (long i = 0; i < 4; i++)
        {
            assertTrue(offer(ring, i) >= 0);
            fast.poll(new Collector(), 10);
        }
        assertEquals(SendResult.BACK_PRESSURED, offer(ring, 4), "slow has not read anything");
        assertEquals(1, ringCounters.get(CounterType.BACK_PRESSURED));
        slow.poll(new Collector(), 1);
        assertTrue(offer(ring, 4) >= 0, "one slot freed");
        assertEquals(0, slow.missed());
    }

    @Test
    void shouldLetALossyReaderBeLappedAndCountExactlyWhatItMissed()
    {
        final SharedRing ring = new SharedRing("r", ProducerType.MULTI, 8, 64, ringCounters);
        final MessageCounters lossyCounters = readerCounters();
        final RingReader lossy = ring.addReader("lossy", ReadMode.LOSSY, lossyCounters);
        final int published = 30;
        for (long i = 0; i < published; i++)
        {
            assertTrue(offer(ring, i) >= 0, "a lossy reader never holds the producer back");
        }
        final Collector seen = new Collector();
        while (lossy.poll(seen, 100) > 0)
        {
            // drain
        }
        assertFalse(seen.values.isEmpty());
        assertEquals(published - 1, seen.values.get(seen.values.size() - 1), "caught up with the newest");
        assertEquals(published, seen.values.size() + lossy.missed(), "every message seen or counted missed");
        assertEquals(lossy.missed(), lossyCounters.get(CounterType.DROPPED));
        for (int i = 1; i < seen.values.size(); i++)
        {
            assertEquals(seen.values.get(i - 1) + 1, seen.values.get(i), "what it saw after the skip is in order");
        }
    }

    @Test
    void shouldCountWhatEachReaderLeftUnreadAtCloseLossyReadersIncluded()
    {
        final SharedRing ring = new SharedRing("r", ProducerType.MULTI, 8, 64, ringCounters);
        final MessageCounters losslessCounters = readerCounters();
        final MessageCounters lossyCounters = readerCounters();
        final RingReader lossless = ring.addReader("lossless", ReadMode.LOSSLESS, losslessCounters);
        ring.addReader("lossy", ReadMode.LOSSY, lossyCounters);
        for (long i = 0; i < 8; i++)
        {
            assertTrue(offer(ring, i) >= 0);
        }
        assertEquals(3, lossless.poll(new Collector(), 3));

        final Map<String, Long> byReader = new LinkedHashMap<>();
        assertEquals(5 + 8, ring.discardBacklog(byReader), "every delivery a reader did not make");
        assertEquals(Map.of("ring r reader lossless", 5L, "ring r reader lossy", 8L), byReader);
        assertEquals(5, losslessCounters.get(CounterType.DROPPED));
        assertEquals(8, lossyCounters.get(CounterType.DROPPED));
    }

    @Test
    void shouldShowAStageOnlyWhatTheStageBeforeHasFinished()
    {
        final SharedRing ring = new SharedRing("r", ProducerType.SINGLE, 8, 64, ringCounters);
        final RingReader first = ring.addReader("first", ReadMode.LOSSLESS, readerCounters());
        final RingReader second = ring.addReader("second", ReadMode.LOSSLESS, readerCounters(), first);
        offer(ring, 1);
        offer(ring, 2);
        final Collector atSecond = new Collector();
        assertEquals(0, second.poll(atSecond, 10), "first has not processed anything");

        // The first stage writes into the slot in place: the second stage sees it with no copy.
        first.poll((slot, sequence, endOfBatch) ->
        {
            slot.buffer().putLong(0, slot.buffer().getLong(0) * 100);
            return true;
        }, 1);
        assertEquals(1, second.poll(atSecond, 10));
        assertEquals(List.of(100L), atSecond.values);
    }

    @Test
    void shouldRefuseLossyReaderOnSingleProducerRing()
    {
        final SharedRing ring = new SharedRing("r", ProducerType.SINGLE, 8, 64, ringCounters);
        assertThrows(IllegalArgumentException.class, () -> ring.addReader("x", ReadMode.LOSSY, readerCounters()));
    }

    @Test
    void shouldKeepEveryReaderWholeUnderConcurrentProducers() throws Exception
    {
        final int producers = 3;
        final int perProducer = 30_000;
        final SharedRing ring = new SharedRing("r", ProducerType.MULTI, 256, 64, ringCounters);
        final RingReader[] readers = {
            ring.addReader("a", ReadMode.LOSSLESS, readerCounters()),
            ring.addReader("b", ReadMode.LOSSLESS, readerCounters()) };
        final long[][] nextExpected = new long[readers.length][producers];
        final long[] counts = new long[readers.length];
        final List<String> violations = new ArrayList<>();
        final AtomicBoolean producing = new AtomicBoolean(true);

        final Thread[] readerThreads = new Thread[readers.length];
        for (int r = 0; r < readers.length; r++)
        {
            final int index = r;
            readerThreads[r] = new Thread(() ->
            {
                final EventPoller.Handler<MessageSlot> check = (slot, sequence, endOfBatch) ->
                {
                    final int producer = slot.buffer().getInt(0);
                    final long value = slot.buffer().getLong(4);
                    if (value != nextExpected[index][producer] && violations.size() < 5)
                    {
                        violations.add("reader " + index + " producer " + producer + " got " + value);
                    }
                    nextExpected[index][producer] = value + 1;
                    counts[index]++;
                    return true;
                };
                while (producing.get() || readers[index].backlog() > 0)
                {
                    if (readers[index].poll(check, 64) == 0)
                    {
                        Thread.yield();
                    }
                }
            });
            readerThreads[r].start();
        }
        final Thread[] producerThreads = new Thread[producers];
        for (int p = 0; p < producers; p++)
        {
            final int producer = p;
            producerThreads[p] = new Thread(() ->
            {
                final UnsafeBuffer buffer = new UnsafeBuffer(new byte[12]);
                buffer.putInt(0, producer);
                for (long i = 0; i < perProducer; i++)
                {
                    buffer.putLong(4, i);
                    while (ring.offer(MessageSlot.NO_SENDER, 0, 0, buffer, 0, 12) == SendResult.BACK_PRESSURED)
                    {
                        Thread.yield();
                    }
                }
            });
            producerThreads[p].start();
        }
        for (final Thread thread : producerThreads)
        {
            thread.join();
        }
        producing.set(false);
        for (final Thread thread : readerThreads)
        {
            thread.join(30_000);
            assertFalse(thread.isAlive());
        }
        synchronized (violations)
        {
            assertEquals(List.of(), violations);
        }
        for (int r = 0; r < readers.length; r++)
        {
            assertEquals((long)producers * perProducer, counts[r], "reader " + r + " saw everything once");
        }
    }

    @Test
    void shouldNeverHandALossyReaderATornMessageWhileBeingLapped() throws Exception
    {
        final int published = 200_000;
        final SharedRing ring = new SharedRing("r", ProducerType.MULTI, 64, 64, ringCounters);
        final RingReader lossy = ring.addReader("lossy", ReadMode.LOSSY, readerCounters());
        final long[] seen = new long[1];
        final long[] last = { -1 };
        final List<String> violations = new ArrayList<>();
        final EventPoller.Handler<MessageSlot> check = (slot, sequence, endOfBatch) ->
        {
            final long value = slot.buffer().getLong(0);
            final long mirror = slot.buffer().getLong(8);
            if ((mirror != ~value || value <= last[0]) && violations.size() < 5)
            {
                violations.add("torn or out of order: " + value + " after " + last[0]);
            }
            last[0] = value;
            seen[0]++;
            return true;
        };
        final Thread reader = new Thread(() ->
        {
            while (last[0] < published - 1)
            {
                lossy.poll(check, 16);
            }
        });
        reader.start();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        for (long i = 0; i < published; i++)
        {
            buffer.putLong(0, i);
            buffer.putLong(8, ~i);
            assertTrue(ring.offer(MessageSlot.NO_SENDER, 0, 0, buffer, 0, 16) >= 0);
        }
        reader.join(60_000);
        assertFalse(reader.isAlive());
        assertEquals(List.of(), violations);
        assertEquals(published, seen[0] + lossy.missed(), "each message seen once or counted missed once");
    }
}
