package io.ringway.runtime.ring;

/**
 * A {@link Header} that operators fill in themselves, for messages they make up rather than read from a ring
 * (a timeout, a gather result). Reuse one instance per operator.
 * <p>
 * Not thread safe.
 */
public final class MutableHeader implements Header
{
    private int messageType;
    private int senderId = MessageSlot.NO_SENDER;
    private long correlationId;
    private long timestampNs;
    private int topicLength;

    /**
     * Sets every field at once.
     *
     * @param messageType   the message type.
     * @param senderId      the sender, or {@link MessageSlot#NO_SENDER}.
     * @param correlationId the correlation id.
     * @param timestampNs   a timestamp.
     * @param topicLength   the topic length.
     * @return this header.
     */
    public MutableHeader set(
        final int messageType, final int senderId, final long correlationId, final long timestampNs, final int topicLength)
    {
        this.messageType = messageType;
        this.senderId = senderId;
        this.correlationId = correlationId;
        this.timestampNs = timestampNs;
        this.topicLength = topicLength;
        return this;
    }

    @Override
    public int messageType()
    {
        return messageType;
    }

    @Override
    public int senderId()
    {
        return senderId;
    }

    @Override
    public long correlationId()
    {
        return correlationId;
    }

    @Override
    public long timestampNs()
    {
        return timestampNs;
    }

    @Override
    public int topicLength()
    {
        return topicLength;
    }
}
