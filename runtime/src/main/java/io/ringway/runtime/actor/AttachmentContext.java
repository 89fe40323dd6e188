package io.ringway.runtime.actor;

import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;

/**
 * What an {@link Attachment} uses: its owner's context, its own address, and the supervised way into the
 * owner's handler.
 * <p>
 * Thread safety: none; use on the owner's dispatcher thread only.
 */
public interface AttachmentContext
{
    /** @return the owning actor's context, to send as the actor and read its clock. */
    ActorContext actor();

    /**
     * @return the attachment's own address when it was declared with one, else the owning actor's address.
     * Messages sent with this id as sender are answered to that address.
     */
    ActorRef address();

    /**
     * Hands a message to the owning actor's {@link Actor#onMessage}, supervised exactly like a message from its
     * mailbox: if the handler throws, the message is dead-lettered, counted, and the supervision policy applies.
     *
     * @param buffer holding the body.
     * @param offset of the body.
     * @param length of the body.
     * @param header of the message.
     */
    void deliver(DirectBuffer buffer, int offset, int length, Header header);
}
