package io.ringway.runtime.ring;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One pre-allocated ring slot: a view of the slot's frame, a fixed-size header followed by the payload, in the
 * ring's one off-heap block.
 * <p>
 * Slots are created once, when the ring is built, by {@link MessageSlotFactory}; sending writes into
 * them and receiving reads them in place, so the steady state allocates nothing.
 * <pre>
 *   frame (off-heap, starts on a cache line; stride = HEADER_LENGTH + max message length, rounded up to a line)
 *  +--------+-------------+----------+-------------+---------------+-------------+------------------+----------+
 *  | length | messageType | senderId | topicLength | correlationId | timestampNs | topic bytes      | body     |
 *  | int 0  | int 4       | int 8    | int 12      | long 16       | long 24     | [0, topicLength) | [.., len)|
 *  +--------+-------------+----------+-------------+---------------+-------------+------------------+----------+
 *   header: HEADER_LENGTH bytes                                                   payload: buffer() at offset 0
 * </pre>
 * The header sits in the same memory as the payload, just before it, in the manner of an Aeron data frame: a
 * message moves between cores as one run of adjacent cache lines (one line for payloads up to 32 bytes), and the
 * heap objects (this slot, its buffer views) are never written after construction, so no core ever has to take
 * their lines back from another.
 * <p>
 * Header fields are written by the one producer that claimed the slot and read by the consumer after the
 * ring's publish, which orders them; they are therefore plain reads and writes.
 * <p>
 * Not thread safe on its own: only the ring's claim/publish protocol makes it safe to share.
 */
public final class MessageSlot implements Header
{
    /** Message type of a slot whose claim was aborted: consumers skip it. */
    public static final int ABORTED_TYPE = Integer.MIN_VALUE;

    /** Sender id of a message that did not come from an actor. */
    public static final int NO_SENDER = -1;

    /** Bytes of header in front of each slot's payload. */
    public static final int HEADER_LENGTH = 32;

    static final int LENGTH_OFFSET = 0;
    static final int TYPE_OFFSET = 4;
    static final int SENDER_OFFSET = 8;
    static final int TOPIC_LENGTH_OFFSET = 12;
    static final int CORRELATION_ID_OFFSET = 16;
    static final int TIMESTAMP_OFFSET = 24;

    private final UnsafeBuffer frame;
    final UnsafeBuffer buffer;

    /**
     * @param frame the slot's region: {@link #HEADER_LENGTH} bytes of header, then the payload's capacity.
     */
    MessageSlot(final UnsafeBuffer frame)
    {
        this.frame = frame;
        this.buffer = new UnsafeBuffer(frame, HEADER_LENGTH, frame.capacity() - HEADER_LENGTH);
    }

    /**
     * Starts a message: every header field written, to the given type and sender and otherwise zero.
     *
     * @param messageType the type it has until the sender sets another; {@link #ABORTED_TYPE} for a copy-in that
     *                    could fail half way.
     */
    void reset(final int messageType, final int senderId, final int length)
    {
        final UnsafeBuffer frame = this.frame;
        frame.putInt(LENGTH_OFFSET, length);
        frame.putInt(TYPE_OFFSET, messageType);
        frame.putInt(SENDER_OFFSET, senderId);
        frame.putInt(TOPIC_LENGTH_OFFSET, 0);
        frame.putLong(CORRELATION_ID_OFFSET, 0);
        frame.putLong(TIMESTAMP_OFFSET, 0);
    }

    void length(final int length)
    {
        frame.putInt(LENGTH_OFFSET, length);
    }

    void messageType(final int messageType)
    {
        frame.putInt(TYPE_OFFSET, messageType);
    }

    void correlationId(final long correlationId)
    {
        frame.putLong(CORRELATION_ID_OFFSET, correlationId);
    }

    void timestampNs(final long timestampNs)
    {
        frame.putLong(TIMESTAMP_OFFSET, timestampNs);
    }

    void topicLength(final int topicLength)
    {
        frame.putInt(TOPIC_LENGTH_OFFSET, topicLength);
    }

    /**
     * Copies the whole frame of another slot of the same or smaller capacity: header and {@code length} bytes.
     *
     * @param source the slot to copy.
     * @param length payload bytes to copy, at most this slot's capacity.
     */
    void copyFrame(final MessageSlot source, final int length)
    {
        frame.putBytes(0, source.frame, 0, HEADER_LENGTH + length);
    }

    /** @return the application's message type; {@link #ABORTED_TYPE} for an aborted claim. */
    @Override
    public int messageType()
    {
        return frame.getInt(TYPE_OFFSET);
    }

    /** @return the id of the sending actor, or {@link #NO_SENDER}. */
    @Override
    public int senderId()
    {
        return frame.getInt(SENDER_OFFSET);
    }

    /** @return the number of payload bytes in use, topic included. */
    public int length()
    {
        return frame.getInt(LENGTH_OFFSET);
    }

    /** @return the number of leading payload bytes that are the topic; 0 for none. */
    @Override
    public int topicLength()
    {
        return frame.getInt(TOPIC_LENGTH_OFFSET);
    }

    /** @return the correlation id that ties a reply to its request; 0 for none. */
    @Override
    public long correlationId()
    {
        return frame.getLong(CORRELATION_ID_OFFSET);
    }

    /** @return the timestamp the sender put on the message, in nanoseconds; 0 for none. */
    @Override
    public long timestampNs()
    {
        return frame.getLong(TIMESTAMP_OFFSET);
    }

    /** @return the payload buffer, valid at offsets [0, capacity). */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }
}
