package io.ringway.runtime.endpoint;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.ring.MessageSlot;
import org.agrona.LangUtil;

/**
 * A {@link LinkSource} over a mailbox: bounds each poll and skips aborted claims, as a dispatcher does.
 * <p>
 * Thread safety: one polling thread.
 */
final class MailboxSource implements LinkSource, EventPoller.Handler<MessageSlot>
{
    private final Mailbox mailbox;
    private EventPoller.Handler<MessageSlot> target;
    private int remaining;
    private int taken;

    MailboxSource(final Mailbox mailbox)
    {
        this.mailbox = mailbox;
    }

    @Override
    public int poll(final EventPoller.Handler<MessageSlot> handler, final int limit)
    {
        target = handler;
        remaining = limit;
        taken = 0;
        try
        {
            mailbox.poll(this);
        }
        finally
        {
            target = null;
        }
        return taken;
    }

    @Override
    public boolean onEvent(final MessageSlot slot, final long sequence, final boolean endOfBatch)
    {
        taken++;
        boolean more = true;
        if (slot.messageType() != MessageSlot.ABORTED_TYPE)
        {
            try
            {
                more = target.onEvent(slot, sequence, endOfBatch);
            }
            catch (final Exception ex)
            {
                LangUtil.rethrowUnchecked(ex);
            }
        }
        return more && --remaining > 0;
    }

    @Override
    public long backlog()
    {
        return mailbox.backlog();
    }
}
