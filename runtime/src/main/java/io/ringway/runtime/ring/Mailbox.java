package io.ringway.runtime.ring;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.DirectBuffer;
import org.agrona.LangUtil;

/**
 * An actor's inbox: one ring of pre-allocated {@link MessageSlot}s with one reader, the poller that its
 * dispatcher drains. Sending is {@link RingProducer}'s: non-blocking, with codes, every refusal counted.
 * <p>
 * Thread safety: {@link #offer} and {@link #tryClaim} are safe from any number of threads for a
 * multi-producer mailbox and from one thread (the first that sends) for a single-producer mailbox; a second
 * thread gets {@link SendResult#NOT_SINGLE_PRODUCER}. {@link #poll} is for the owning dispatcher only.
 */
public final class Mailbox implements MessageSink
{
    private final RingProducer producer;
    private final EventPoller<MessageSlot> poller;

    /**
     * @param producerType     {@link ProducerType#SINGLE} when exactly one thread sends, else MULTI.
     * @param ringSize         slots in the ring, a power of two.
     * @param maxMessageLength largest message accepted, in bytes.
     * @param counters         the owner's counters, for refusals.
     */
    public Mailbox(
        final ProducerType producerType, final int ringSize, final int maxMessageLength, final MessageCounters counters)
    {
        this.producer = new RingProducer(producerType, ringSize, maxMessageLength, counters);
        this.poller = producer.ring.newPoller();
        producer.ring.addGatingSequences(poller.getSequence());
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
        return producer.offer(senderId, messageType, correlationId, buffer, offset, length);
    }

    @Override
    public long tryClaim(final int senderId, final int length, final SlotClaim claim)
    {
        return producer.tryClaim(senderId, length, claim);
    }

    /**
     * Hands the messages waiting in the ring to a handler, in order, until it returns false or the ring is empty.
     * The handler must not throw: a message whose handler throws would be delivered again.
     *
     * @param handler called for each message; its slot is valid only during the call.
     */
    public void poll(final EventPoller.Handler<MessageSlot> handler)
    {
        try
        {
            poller.poll(handler);
        }
        catch (final Exception ex)
        {
            LangUtil.rethrowUnchecked(ex);
        }
    }

    /**
     * Refuses, with {@link SendResult#REFUSED}, every sender but one. Build time only, before anything is sent.
     *
     * @param senderId the only sender accepted.
     */
    public void acceptOnlyFrom(final int senderId)
    {
        producer.acceptOnlyFrom(senderId);
    }

    /** @return the largest message accepted, in bytes. */
    public int maxMessageLength()
    {
        return producer.maxMessageLength();
    }

    /** @return the number of slots in the ring. */
    public int capacity()
    {
        return producer.ring.getBufferSize();
    }

    /** @return messages claimed or published but not yet consumed. */
    public long backlog()
    {
        return producer.ring.getCursor() - poller.getSequence().get();
    }

    /** @return the highest sequence claimed so far: grows by one for every message ever sent here. */
    public long position()
    {
        return producer.ring.getCursor();
    }

    /** Refuses outside senders from now on; actors may still send. Any thread. */
    public void drain()
    {
        producer.drain();
    }

    /** Refuses every sender from now on. Any thread. */
    public void close()
    {
        producer.close();
    }

    /** @return true once {@link #close()} has been called. */
    public boolean isClosed()
    {
        return producer.isClosed();
    }

    /**
     * Counts what is left in the ring as dropped. Call after the consumer has stopped and the mailbox is closed.
     *
     * @return the number of messages discarded.
     */
    public long discardBacklog()
    {
        final long discarded = backlog();
        if (discarded > 0)
        {
            producer.counters().onDropped(discarded);
            poller.getSequence().set(producer.ring.getCursor());
        }
        return discarded;
    }
}
