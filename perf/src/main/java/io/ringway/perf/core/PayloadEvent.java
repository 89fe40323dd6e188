package io.ringway.perf.core;

import com.lmax.disruptor.EventFactory;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The raw Disruptor benchmarks' ring slot: a view of its own cache-line aligned region of one off-heap block,
 * laid out as Ringway lays out its slots, so the copy in and the read out cost the same.
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
        return new Factory(slots);
    }

    private static final class Factory implements EventFactory<PayloadEvent>
    {
        private final UnsafeBuffer block;
        private final int stride = BitUtil.align(CoreSettings.MESSAGE_LENGTH, BitUtil.CACHE_LINE_LENGTH);
        private int next;

        Factory(final int slots)
        {
            block = new UnsafeBuffer(BufferUtil.allocateDirectAligned(slots * stride, BitUtil.CACHE_LINE_LENGTH));
        }

        @Override
        public PayloadEvent newInstance()
        {
            final PayloadEvent event = new PayloadEvent(
                new UnsafeBuffer(block, next * stride, CoreSettings.MESSAGE_LENGTH));
            next++;
            return event;
        }
    }
}
