package io.ringway.runtime.ring;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One pre-allocated ring slot: primitive header fields and a fixed-capacity payload view.
 * <p>
 * Slots are created once, when the ring is built, by {@link MessageSlotFactory}; sending writes into
 * them and receiving reads them in place, so the steady state allocates nothing.
 * <pre>
 *   header (fields of this object)                payload (off-heap, capacity = max message length)
 *  +-------------+-------------+---------------+  +------------------+---------------------------+
 *  | messageType | senderId    | correlationId |  | topic bytes      | body bytes                |
 *  | length      | topicLength | timestampNs   |  | [0, topicLength) | [topicLength, length)     |
 *  +-------------+-------------+---------------+  +------------------+---------------------------+
 * </pre>
 * Fields are written by the one producer that claimed the slot and read by the consumer after the
 * ring's publish, which orders them; they are therefore plain fields.
 * <p>
 * Not thread safe on its own: only the ring's claim/publish protocol makes it safe to share.
 */
public final class MessageSlot implements Header
{
    /** Message type of a slot whose claim was aborted: consumers skip it. */
    public static final int ABORTED_TYPE = Integer.MIN_VALUE;

    /** Sender id of a message that did not come from an actor. */
    public static final int NO_SENDER = -1;

    int messageType;
    int senderId;
    int length;
    int topicLength;
    long correlationId;
    long timestampNs;
    final UnsafeBuffer buffer;

    MessageSlot(final UnsafeBuffer buffer)
    {
        this.buffer = buffer;
    }

    void reset(final int senderId, final int length)
    {
        this.messageType = 0;
        this.senderId = senderId;
        this.length = length;
        this.topicLength = 0;
        this.correlationId = 0;
        this.timestampNs = 0;
    }

    /** @return the application's message type; {@link #ABORTED_TYPE} for an aborted claim. */
    @Override
    public int messageType()
    {
        return messageType;
    }

    /** @return the id of the sending actor, or {@link #NO_SENDER}. */
    @Override
    public int senderId()
    {
        return senderId;
    }

    /** @return the number of payload bytes in use, topic included. */
    public int length()
    {
        return length;
    }

    /** @return the number of leading payload bytes that are the topic; 0 for none. */
    @Override
    public int topicLength()
    {
        return topicLength;
    }

    /** @return the correlation id that ties a reply to its request; 0 for none. */
    @Override
    public long correlationId()
    {
        return correlationId;
    }

    /** @return the timestamp the sender put on the message, in nanoseconds; 0 for none. */
    @Override
    public long timestampNs()
    {
        return timestampNs;
    }

    /** @return the payload buffer, valid at offsets [0, capacity). */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }
}
