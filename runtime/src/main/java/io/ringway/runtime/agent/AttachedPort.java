package io.ringway.runtime.agent;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.CounterType;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

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
    private final MessageCounters counters;
    private final CountersManager countersManager;
    private final ActorCell owner;
    private final int batchLimit;
    private int pollLimit;
    private int polled;

    /**
     * @param binding    the attachment as the runtime built it.
     * @param address    its own address, or the owner's when it has none.
     * @param counters   the counters of that address.
     * @param owner      the owning actor's cell.
     * @param batchLimit the dispatcher's most messages per mailbox per duty cycle.
     */
    AttachedPort(
        final AttachmentBinding binding,
        final ActorRef address,
        final MessageCounters counters,
        final ActorCell owner,
        final int batchLimit)
    {
        this.batchLimit = batchLimit;
        this.name = binding.name();
        this.attachment = binding.attachment();
        this.mailbox = binding.mailbox();
        this.countersManager = binding.countersManager();
        this.address = address;
        this.counters = counters;
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
            if (polled > 0)
            {
                counters.onReceived(polled);
            }
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
    public MessageCounters counters()
    {
        return counters;
    }

    @Override
    public AtomicCounter newCounter(final String name)
    {
        return countersManager.newCounter("actor " + address.name() + ": " + name, CounterType.OPERATOR_COUNTER_TYPE_ID);
    }

    @Override
    public int batchLimit()
    {
        return batchLimit;
    }

    @Override
    public long send(
        final MessageSink to,
        final int messageType,
        final long correlationId,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final long result = to.offer(address.id(), messageType, correlationId, buffer, offset, length);
        if (result >= 0)
        {
            counters.onSent();
        }
        return result;
    }

    @Override
    public long tryClaim(final MessageSink to, final int length, final SlotClaim claim)
    {
        final long result = to.tryClaim(address.id(), length, claim);
        if (result >= 0)
        {
            counters.onSent();
        }
        return result;
    }

    @Override
    public void deliver(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        owner.deliver(buffer, offset, length, header);
    }
}
