package io.ringway.runtime.endpoint;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.RingReader;

/**
 * Where an outbound link takes the messages it sends: the link's own port (a mailbox that operators send to,
 * as to any member) or a reader of a shared ring (a remote subscriber of a fan-out). Slots are handed out in
 * place and are valid only during the handler call; a message the handler has seen is consumed.
 * <p>
 * Thread safety: {@link #poll} from the link's one thread only; {@link #backlog()} from any thread.
 */
public interface LinkSource
{
    /**
     * @param handler gets each message in order; it must not throw. Returning false stops after this message.
     * @param limit   most messages to take.
     * @return messages taken.
     */
    int poll(EventPoller.Handler<MessageSlot> handler, int limit);

    /** @return messages waiting to be taken. */
    long backlog();

    /**
     * @param mailbox a port's mailbox, polled by the link instead of a dispatcher.
     * @return a source over it.
     */
    static LinkSource of(final Mailbox mailbox)
    {
        return new MailboxSource(mailbox);
    }

    /**
     * @param reader a shared ring's reader, polled by the link.
     * @return a source over it.
     */
    static LinkSource of(final RingReader reader)
    {
        return new LinkSource()
        {
            @Override
            public int poll(final EventPoller.Handler<MessageSlot> handler, final int limit)
            {
                return reader.poll(handler, limit);
            }

            @Override
            public long backlog()
            {
                return reader.backlog();
            }
        };
    }
}
