package io.ringway.runtime.actor;

import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;

/**
 * Operator code attached to one actor under a name, such as one end of a request-reply or a subscription to a
 * fan-out. It runs on the actor's dispatcher thread, is polled every duty cycle, may have an address of its
 * own (a mailbox that others send to, e.g. for replies), and hands what it receives to the actor through
 * {@link AttachmentContext#deliver}, where it is supervised like any message.
 * <p>
 * Attachments belong to the topology, not to the actor's state: they survive the actor's restarts. Actor code
 * finds them with {@link ActorContext#attachment(String, Class)}.
 * <p>
 * Thread safety: every method is called on the owner's dispatcher thread.
 */
public interface Attachment
{
    /**
     * Called once, before the actor is created.
     *
     * @param context for delivering to the actor and sending as it.
     */
    default void onStart(final AttachmentContext context)
    {
    }

    /**
     * Called every duty cycle, after the mailboxes: check deadlines, poll shared rings.
     *
     * @param nowNs the dispatcher's clock for this cycle.
     * @return the work done, 0 for none.
     */
    default int doWork(final long nowNs)
    {
        return 0;
    }

    /**
     * A message arrived at the attachment's own address. Only attachments declared with an address get these.
     *
     * @param buffer holding the message body.
     * @param offset of the body.
     * @param length of the body.
     * @param header of the message, valid during the call.
     */
    default void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
    }

    /** The runtime is closing. */
    default void onClose()
    {
    }
}
