package io.ringway.perf.core;

import com.lmax.disruptor.EventFactory;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The raw Disruptor benchmarks' ring slot, and their producer. Each slot is a view of its own cache-line aligned
 * region of one off-heap block, as Ringway lays out its slots, so the copy in and the read out cost the same.
 */
public final class PayloadEvent
{
    /** The message bytes, {@link CoreSettings#MESSAGE_LENGTH} long. */
    public final UnsafeBuffer buffer;

    private PayloadEvent(final UnsafeBuffer buffer)
    {
        this.buffer = buffer;
    }

    /**
     * @param slots the ring size: the factory makes exactly this many events.
     * @return a factory for one ring.
     */
    public static EventFactory<PayloadEvent> factory(final int slots)
    {
        return new Factory(CoreSettings.newMessages(slots));
    }

    /**
     * Copies a message into the ring, spinning while it is full. Claims with {@code tryNext()}, as Ringway does,
     * never {@code next()}, and publishes in a {@code finally}.
     *
     * @param ring    a single-producer ring; the caller is its producer.
     * @param message {@link CoreSettings#MESSAGE_LENGTH} bytes to copy in.
     */
    public static void publish(final RingBuffer<PayloadEvent> ring, final DirectBuffer message)
    {
        final long sequence = claim(ring);
        try
        {
            ring.get(sequence).buffer.putBytes(0, message, 0, CoreSettings.MESSAGE_LENGTH);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    private static long claim(final RingBuffer<PayloadEvent> ring)
    {
        while (true)
        {
            try
            {
                return ring.tryNext();
            }
            catch (final InsufficientCapacityException ex)
            {
                // A singleton without a stack trace: spinning here allocates nothing.
                Thread.onSpinWait();
            }
        }
    }

    private static final class Factory implements EventFactory<PayloadEvent>
    {
        private final UnsafeBuffer[] buffers;
        private int next;

        Factory(final UnsafeBuffer[] buffers)
        {
            this.buffers = buffers;
        }

        @Override
        public PayloadEvent newInstance()
        {
            return new PayloadEvent(buffers[next++]);
        }
    }
}
