package io.ringway.runtime.actor;

import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The address of an actor: sends go into its mailbox. Sends through this reference carry no sender, so the
 * receiver cannot reply; actors send with their {@link ActorContext}, which stamps the sender.
 * <p>
 * Thread safety: as the actor's mailbox; any thread for a multi-producer actor, one thread for a
 * single-producer actor.
 */
public final class ActorRef implements MessageSink
{
    private final String name;
    private final int id;
    private final Mailbox mailbox;

    /**
     * @param name    of the actor.
     * @param id      of the actor, unique in its runtime.
     * @param mailbox of the actor.
     */
    public ActorRef(final String name, final int id, final Mailbox mailbox)
    {
        this.name = name;
        this.id = id;
        this.mailbox = mailbox;
    }

    /** @return the actor's name. */
    public String name()
    {
        return name;
    }

    /** @return the actor's id, as seen in {@code Header.senderId()} of what it sends. */
    public int id()
    {
        return id;
    }

    /** @return messages waiting in the actor's mailbox: a measure of its load. Any thread. */
    public long backlog()
    {
        return mailbox.backlog();
    }

    /** @return true once the runtime has closed the actor's mailbox: every offer now returns CLOSED. Any thread. */
    public boolean isClosed()
    {
        return mailbox.isClosed();
    }

    /** @return the number of slots in the actor's mailbox. */
    public int capacity()
    {
        return mailbox.capacity();
    }

    /** @return the largest message the actor accepts, in bytes. */
    public int maxMessageLength()
    {
        return mailbox.maxMessageLength();
    }

    /**
     * Copies a message in, without blocking.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return a position, or a negative {@link SendResult} code: BACK_PRESSURED, CLOSED, MESSAGE_TOO_LARGE,
     * NOT_SINGLE_PRODUCER.
     */
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return mailbox.offer(MessageSlot.NO_SENDER, 0, 0, buffer, offset, length);
    }

    /**
     * Copies a message in with a type and correlation id, without blocking.
     *
     * @param messageType   the application's message type.
     * @param correlationId 0 for none.
     * @param buffer        holding the message.
     * @param offset        of the message.
     * @param length        of the message.
     * @return as {@link #offer(DirectBuffer, int, int)}.
     */
    public long offer(
        final int messageType, final long correlationId, final DirectBuffer buffer, final int offset, final int length)
    {
        return mailbox.offer(MessageSlot.NO_SENDER, messageType, correlationId, buffer, offset, length);
    }

    /**
     * Claims a slot to encode a message in place, without blocking; on success {@code commit()} or
     * {@code abort()} the claim.
     *
     * @param length bytes to claim.
     * @param claim  filled in on success.
     * @return as {@link #offer(DirectBuffer, int, int)}.
     */
    public long tryClaim(final int length, final SlotClaim claim)
    {
        return mailbox.tryClaim(MessageSlot.NO_SENDER, length, claim);
    }

    /**
     * Copies a message in, waiting while the mailbox is full for at most {@code timeoutNs}. Built on
     * {@link #offer(DirectBuffer, int, int)}: it never parks inside the ring.
     *
     * @param buffer       holding the message.
     * @param offset       of the message.
     * @param length       of the message.
     * @param timeoutNs    how long to keep trying while back-pressured.
     * @param idleStrategy how to wait between tries; owned by the calling thread.
     * @return a position, BACK_PRESSURED if the mailbox was still full at the deadline, or another code at once.
     */
    public long send(
        final DirectBuffer buffer, final int offset, final int length, final long timeoutNs, final IdleStrategy idleStrategy)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        idleStrategy.reset();
        while (true)
        {
            final long result = offer(buffer, offset, length);
            if (result != SendResult.BACK_PRESSURED || deadlineNs - System.nanoTime() <= 0)
            {
                return result;
            }
            idleStrategy.idle();
        }
    }

    @Override
    public long offer(
        final int senderId,
        final int messageType,
        final long correlationId,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        return mailbox.offer(senderId, messageType, correlationId, buffer, offset, length);
    }

    @Override
    public long tryClaim(final int senderId, final int length, final SlotClaim claim)
    {
        return mailbox.tryClaim(senderId, length, claim);
    }

    @Override
    public String toString()
    {
        return "ActorRef{" + name + '#' + id + '}';
    }
}
