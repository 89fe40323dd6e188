package io.ringway.runtime.ring;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.DirectBuffer;
import org.agrona.LangUtil;

/**
 * An actor's inbox: one Disruptor ring of pre-allocated {@link MessageSlot}s and one poller that its
 * dispatcher drains.
 * <p>
 * Sending claims a slot with {@code tryNext()} (never {@code next()}, which parks on a full ring), fills it and
 * publishes it in a {@code finally}, so a failing copy can never leave the consumer stuck at an unpublished
 * slot. A full ring is {@link SendResult#BACK_PRESSURED}; every refusal is counted on the mailbox owner's
 * {@link MessageCounters}.
 * <p>
 * Intake has three states. {@code OPEN} accepts everyone. {@code DRAINING} (runtime closing) refuses outside
 * senders but still accepts actors, so that work in flight can finish. {@code CLOSED} refuses everyone.
 * <p>
 * Thread safety: {@link #offer} and {@link #tryClaim} are safe from any number of threads for a
 * multi-producer mailbox and from one thread (the first that sends) for a single-producer mailbox; a second
 * thread gets {@link SendResult#NOT_SINGLE_PRODUCER}. {@link #poll} is for the owning dispatcher only.
 */
public final class Mailbox implements MessageSink
{
    private static final int OPEN = 0;
    private static final int DRAINING = 1;
    private static final int CLOSED = 2;

    private final RingBuffer<MessageSlot> ring;
    private final EventPoller<MessageSlot> poller;
    private final int maxMessageLength;
    private final boolean singleProducer;
    private final MessageCounters counters;
    private Thread producerThread;
    private volatile int state = OPEN;

    /**
     * @param producerType     {@link ProducerType#SINGLE} when exactly one thread sends, else MULTI.
     * @param ringSize         slots in the ring, a power of two.
     * @param maxMessageLength largest message accepted, in bytes.
     * @param counters         the owner's counters, for refusals.
     */
    public Mailbox(
        final ProducerType producerType, final int ringSize, final int maxMessageLength, final MessageCounters counters)
    {
        // Consumers poll; nobody waits on the ring's barrier. A busy-spin wait strategy makes publish's
        // signalAllWhenBlocking() a no-op, where a blocking one would take a lock on every message.
        this.ring = RingBuffer.create(
            producerType, new MessageSlotFactory(ringSize, maxMessageLength), ringSize, new BusySpinWaitStrategy());
        this.poller = ring.newPoller();
        this.ring.addGatingSequences(poller.getSequence());
        this.maxMessageLength = maxMessageLength;
        this.singleProducer = producerType == ProducerType.SINGLE;
        this.counters = counters;
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
        final long sequence = claim(senderId, length);
        if (sequence < 0)
        {
            return sequence;
        }

        final MessageSlot slot = ring.get(sequence);
        slot.reset(senderId, length);
        slot.messageType = MessageSlot.ABORTED_TYPE;
        try
        {
            slot.buffer.putBytes(0, buffer, offset, length);
            slot.messageType = messageType;
            slot.correlationId = correlationId;
        }
        finally
        {
            ring.publish(sequence);
        }
        return sequence;
    }

    @Override
    public long tryClaim(final int senderId, final int length, final SlotClaim claim)
    {
        final long sequence = claim(senderId, length);
        if (sequence >= 0)
        {
            final MessageSlot slot = ring.get(sequence);
            slot.reset(senderId, length);
            claim.wrap(ring, slot, sequence);
        }
        return sequence;
    }

    private long claim(final int senderId, final int length)
    {
        if (length < 0)
        {
            throw new IllegalArgumentException("negative message length " + length);
        }
        if (length > maxMessageLength)
        {
            counters.onDropped(1);
            return SendResult.MESSAGE_TOO_LARGE;
        }
        final int state = this.state;
        if (state != OPEN && (state == CLOSED || senderId == MessageSlot.NO_SENDER))
        {
            counters.onDropped(1);
            return SendResult.CLOSED;
        }
        if (singleProducer && Thread.currentThread() != producerThread && !bindProducer())
        {
            return SendResult.NOT_SINGLE_PRODUCER;
        }
        try
        {
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            counters.onBackPressured();
            return SendResult.BACK_PRESSURED;
        }
    }

    private synchronized boolean bindProducer()
    {
        if (null == producerThread)
        {
            producerThread = Thread.currentThread();
        }
        return producerThread == Thread.currentThread();
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

    /** @return the largest message accepted, in bytes. */
    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    /** @return the number of slots in the ring. */
    public int capacity()
    {
        return ring.getBufferSize();
    }

    /** @return messages claimed or published but not yet consumed. */
    public long backlog()
    {
        return ring.getCursor() - poller.getSequence().get();
    }

    /** @return the highest sequence claimed so far: grows by one for every message ever sent here. */
    public long position()
    {
        return ring.getCursor();
    }

    /** Refuses outside senders from now on; actors may still send. Any thread. */
    public void drain()
    {
        if (state == OPEN)
        {
            state = DRAINING;
        }
    }

    /** Refuses every sender from now on. Any thread. */
    public void close()
    {
        state = CLOSED;
    }

    /** @return true once {@link #close()} has been called. */
    public boolean isClosed()
    {
        return state == CLOSED;
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
            counters.onDropped(discarded);
            poller.getSequence().set(ring.getCursor());
        }
        return discarded;
    }
}
