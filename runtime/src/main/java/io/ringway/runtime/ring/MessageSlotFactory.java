package io.ringway.runtime.ring;

import com.lmax.disruptor.EventFactory;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Creates a ring's slots up front, each a view of its own frame (header, then payload) in one off-heap block.
 * <p>
 * Frames are rounded up to a cache line so that a producer filling slot {@code n + 1} does not share a line
 * with the consumer reading slot {@code n}.
 * <p>
 * Not thread safe: the Disruptor calls it from the thread that builds the ring.
 */
public final class MessageSlotFactory implements EventFactory<MessageSlot>
{
    /**
     * The most one ring's slots may take. Slots are views into one block addressed with {@code int} offsets, so a
     * block cannot reach 2 GiB; the bound leaves room below that and is far above any ring a low-latency
     * topology wants.
     */
    public static final long MAX_RING_BYTES = 1L << 30;

    private final UnsafeBuffer block;
    private final int slotStride;
    private final int frameLength;
    private final int slotCount;
    private int nextSlot;

    /**
     * @param slotCount        the ring size.
     * @param maxMessageLength the capacity of each slot's payload, in bytes.
     */
    public MessageSlotFactory(final int slotCount, final int maxMessageLength)
    {
        this.slotCount = slotCount;
        this.frameLength = MessageSlot.HEADER_LENGTH + maxMessageLength;
        this.slotStride = frameStride(maxMessageLength);
        final ByteBuffer memory = BufferUtil.allocateDirectAligned(
            Math.multiplyExact(slotStride, slotCount), BitUtil.CACHE_LINE_LENGTH);
        this.block = new UnsafeBuffer(memory);
    }

    @Override
    public MessageSlot newInstance()
    {
        if (nextSlot == slotCount)
        {
            throw new IllegalStateException("factory sized for " + slotCount + " slots was asked for more");
        }
        final UnsafeBuffer frame = new UnsafeBuffer(block, nextSlot * slotStride, frameLength);
        nextSlot++;
        return new MessageSlot(frame);
    }

    /**
     * @param slotCount        the ring size.
     * @param maxMessageLength the capacity of each slot's payload, in bytes.
     * @return the bytes the ring's slots take, computed without {@code int} overflow; compare with
     * {@link #MAX_RING_BYTES} before building a ring.
     */
    public static long ringBytes(final int slotCount, final int maxMessageLength)
    {
        final long frameLength = MessageSlot.HEADER_LENGTH + (long)maxMessageLength;
        final long stride = (frameLength + BitUtil.CACHE_LINE_LENGTH - 1) & -(long)BitUtil.CACHE_LINE_LENGTH;
        return stride * slotCount;
    }

    /**
     * @param maxMessageLength the capacity of a slot's payload, in bytes.
     * @return the bytes a slot's frame takes: header and payload, rounded up to a cache line.
     */
    static int frameStride(final int maxMessageLength)
    {
        return BitUtil.align(MessageSlot.HEADER_LENGTH + maxMessageLength, BitUtil.CACHE_LINE_LENGTH);
    }
}
