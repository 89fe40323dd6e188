package io.ringway.runtime.agent;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.ring.MessageSlot;
import org.agrona.DirectBuffer;

/**
 * An {@link Attachment} in place on its owner's cell: polls the attachment's own mailbox (if it has an
 * address), runs its duty cycle, and is its {@link AttachmentContext}. A failure in attachment code is
 * reported and counted on the owner, and the message it was handling is consumed.
 * <p>
 * Thread safety: none; the owner's dispatcher thread only.
 */
final class AttachedPort implements AttachmentContext, EventPoller.Handler<MessageSlot>
{
    private final String name;
    private final Attachment attachment;
    private final Mailbox mailbox;
    private final ActorRef address;
    private final ActorCell owner;
    private int pollLimit;
    private int polled;

    /**
     * @param name       of the attachment on its owner.
     * @param attachment the operator code.
     * @param mailbox    its own mailbox, or null when it has no address.
     * @param address    its own address, or the owner's when it has none.
     * @param owner      the owning actor's cell.
     */
    AttachedPort(
        final String name, final Attachment attachment, final Mailbox mailbox, final ActorRef address, final ActorCell owner)
    {
        this.name = name;
        this.attachment = attachment;
        this.mailbox = mailbox;
        this.address = address;
        this.owner = owner;
    }

    String name()
    {
        return name;
    }

    <T> T as(final Class<T> type)
    {
        if (!type.isInstance(attachment))
        {
            throw new IllegalArgumentException("attachment '" + name + "' of actor '" + owner.name() + "' is a "
                + attachment.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(attachment);
    }

    void start()
    {
        try
        {
            attachment.onStart(this);
        }
        catch (final Throwable ex)
        {
            owner.onFailure(new ActorFailureException(owner.name(), "attachment '" + name + "' failed to start", ex));
        }
    }

    int poll(final int limit, final long nowNs)
    {
        polled = 0;
        if (null != mailbox)
        {
            pollLimit = limit;
            mailbox.poll(this);
        }
        try
        {
            return polled + attachment.doWork(nowNs);
        }
        catch (final Throwable ex)
        {
            owner.onFailure(new ActorFailureException(owner.name(), "attachment '" + name + "' duty cycle threw", ex));
            return polled;
        }
    }

    @Override
    public boolean onEvent(final MessageSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (slot.messageType() != MessageSlot.ABORTED_TYPE)
        {
            final int bodyOffset = slot.topicLength();
            try
            {
                attachment.onMessage(slot.buffer(), bodyOffset, slot.length() - bodyOffset, slot);
            }
            catch (final Throwable ex)
            {
                owner.onFailure(new ActorFailureException(owner.name(), "attachment '" + name + "' threw", ex));
            }
        }
        return ++polled < pollLimit;
    }

    void close()
    {
        try
        {
            attachment.onClose();
        }
        catch (final Throwable ex)
        {
            owner.onFailure(new ActorFailureException(owner.name(), "attachment '" + name + "' failed to close", ex));
        }
    }

    @Override
    public ActorContext actor()
    {
        return owner;
    }

    @Override
    public ActorRef address()
    {
        return address;
    }

    @Override
    public void deliver(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        owner.deliver(buffer, offset, length, header);
    }
}
