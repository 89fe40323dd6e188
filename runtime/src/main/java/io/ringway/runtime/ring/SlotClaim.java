package io.ringway.runtime.ring;

import com.lmax.disruptor.RingBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A claimed ring slot for zero-copy sending, in the manner of Aeron's {@code BufferClaim}: write the payload
 * straight into {@link #buffer()} at {@code [0, length)}, set header fields, then {@link #commit()} or
 * {@link #abort()} exactly once. Until then the consumer waits at this slot, so keep the claim short.
 * <p>
 * Reusable: one instance per sending thread, re-filled by each successful {@code tryClaim}. Not thread safe.
 */
public final class SlotClaim
{
    private RingBuffer<MessageSlot> ring;
    private MessageSlot slot;
    private long sequence = -1;

    void wrap(final RingBuffer<MessageSlot> ring, final MessageSlot slot, final long sequence)
    {
        this.ring = ring;
        this.slot = slot;
        this.sequence = sequence;
    }

    /** @return the slot's payload buffer; write the message at {@code [0, length)}. */
    public MutableDirectBuffer buffer()
    {
        return slot.buffer;
    }

    /** @return the number of bytes claimed. */
    public int length()
    {
        return slot.length();
    }

    /**
     * @param messageType the application's message type.
     * @return this claim.
     */
    public SlotClaim messageType(final int messageType)
    {
        slot.messageType(messageType);
        return this;
    }

    /**
     * @param correlationId ties a reply to its request.
     * @return this claim.
     */
    public SlotClaim correlationId(final long correlationId)
    {
        slot.correlationId(correlationId);
        return this;
    }

    /**
     * @param timestampNs a timestamp for the receiver, e.g. the intended send time of a latency probe.
     * @return this claim.
     */
    public SlotClaim timestampNs(final long timestampNs)
    {
        slot.timestampNs(timestampNs);
        return this;
    }

    /**
     * @param topicLength how many leading payload bytes are the topic, in {@code [0, length]}.
     * @return this claim.
     * @throws IllegalArgumentException if out of range.
     */
    public SlotClaim topicLength(final int topicLength)
    {
        if (topicLength < 0 || topicLength > slot.length())
        {
            throw new IllegalArgumentException("topicLength " + topicLength + " outside [0, " + slot.length() + "]");
        }
        slot.topicLength(topicLength);
        return this;
    }

    /** Publishes the message to the consumer. */
    public void commit()
    {
        publish();
    }

    /** Gives the slot back unsent: the consumer skips it and nothing is delivered. */
    public void abort()
    {
        // A Disruptor sequence cannot be un-claimed, so the slot is published marked as aborted.
        slot.messageType(MessageSlot.ABORTED_TYPE);
        publish();
    }

    private void publish()
    {
        final long claimed = sequence;
        if (claimed < 0)
        {
            throw new IllegalStateException("no claim to commit or abort");
        }
        sequence = -1;
        ring.publish(claimed);
    }
}
