package io.ringway.runtime.ring;

import com.lmax.disruptor.RingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A claimed ring slot for zero-copy sending, in the manner of Aeron's {@code BufferClaim}: write the payload
 * straight into {@link #buffer()} at {@code [0, length)}, set header fields, then {@link #commit()} or
 * {@link #abort()} exactly once. Until then the consumer waits at this slot, so keep the claim short.
 * <p>
 * A sender that puts a prefix of its own before what its caller encodes (a router's routing id) writes it with
 * {@link #prefixTopic}; the caller then sees only the body.
 * <p>
 * Reusable: one instance per sending thread, re-filled by each successful {@code tryClaim}. Not thread safe.
 */
public final class SlotClaim
{
    private final UnsafeBuffer body = new UnsafeBuffer(new byte[0]);
    private RingBuffer<MessageSlot> ring;
    private MessageSlot slot;
    private long sequence = -1;
    private int prefixLength;

    void wrap(final RingBuffer<MessageSlot> ring, final MessageSlot slot, final long sequence)
    {
        this.ring = ring;
        this.slot = slot;
        this.sequence = sequence;
        this.prefixLength = 0;
    }

    /**
     * @return the slot's payload buffer; write the message at {@code [0, length)}. After {@link #prefixTopic}, the
     * body after the prefix.
     */
    public MutableDirectBuffer buffer()
    {
        return 0 == prefixLength ? slot.buffer : body;
    }

    /** @return the number of bytes claimed; after {@link #prefixTopic}, those of the body after the prefix. */
    public int length()
    {
        return slot.length() - prefixLength;
    }

    /**
     * Writes {@code topic} at the start of the claimed slot as the message's topic, and from then on shows only
     * what follows it: {@link #buffer()} and {@link #length()} are the body's, and the topic cannot be changed. For
     * a sender that claims {@code topic.length + length} bytes on its caller's behalf and hands the claim on, so
     * that the caller encodes the body at {@code [0, length)} as with any claim. Allocates nothing.
     *
     * @param topic the prefix, at most the bytes claimed.
     * @return this claim.
     * @throws IllegalStateException if there is no claim or it already has a prefix.
     * @throws IllegalArgumentException if the topic is longer than the claim.
     */
    public SlotClaim prefixTopic(final byte[] topic)
    {
        if (sequence < 0 || 0 != prefixLength)
        {
            throw new IllegalStateException(sequence < 0 ? "no claim to prefix" : "the claim already has a prefix");
        }
        final MessageSlot slot = this.slot;
        if (topic.length > slot.length())
        {
            throw new IllegalArgumentException("topic of " + topic.length + " bytes longer than the claim, "
                + slot.length());
        }
        slot.buffer.putBytes(0, topic);
        slot.topicLength(topic.length);
        prefixLength = topic.length;
        body.wrap(slot.buffer, topic.length, slot.buffer.capacity() - topic.length);
        return this;
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
     * @throws IllegalStateException if the claim has a prefix ({@link #prefixTopic}), which is its topic.
     */
    public SlotClaim topicLength(final int topicLength)
    {
        if (0 != prefixLength)
        {
            throw new IllegalStateException("the claim's topic is its prefix, " + prefixLength + " bytes");
        }
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
