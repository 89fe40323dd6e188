package io.ringway.runtime.ring;

import org.agrona.DirectBuffer;

/**
 * Anything a message can be sent to: an actor's mailbox, and (in later modules) operators and remote links.
 * <p>
 * Both methods are non-blocking and return a position ({@code >= 0}) on success or a negative
 * {@link SendResult} code. Thread safety is that of the implementation; a mailbox is safe for any number of
 * threads when multi-producer and for one thread when single-producer.
 */
public interface MessageSink
{
    /**
     * Copies a message in.
     *
     * @param senderId      the sending actor's id, or {@link MessageSlot#NO_SENDER}.
     * @param messageType   the application's message type.
     * @param correlationId ties a reply to its request; 0 for none.
     * @param buffer        holding the message.
     * @param offset        of the message in the buffer.
     * @param length        of the message.
     * @return a position, or {@link SendResult#BACK_PRESSURED}, {@link SendResult#CLOSED},
     * {@link SendResult#MESSAGE_TOO_LARGE}, {@link SendResult#NOT_SINGLE_PRODUCER}.
     */
    long offer(int senderId, int messageType, long correlationId, DirectBuffer buffer, int offset, int length);

    /**
     * Claims a slot for zero-copy sending; on success the caller must {@code commit()} or {@code abort()}.
     *
     * @param senderId the sending actor's id, or {@link MessageSlot#NO_SENDER}.
     * @param length   bytes to claim.
     * @param claim    filled in on success.
     * @return as {@link #offer}.
     */
    long tryClaim(int senderId, int length, SlotClaim claim);
}
