package io.ringway.runtime.ring;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.DirectBuffer;

/**
 * The sending side of a ring of {@link MessageSlot}s, shared by {@link Mailbox} (one reader) and
 * {@link SharedRing} (many readers).
 * <p>
 * Sending claims a slot with {@code tryNext()} (never {@code next()}, which parks on a full ring), fills it and
 * publishes it in a {@code finally}, so a failing copy can never leave readers stuck at an unpublished slot. A
 * full ring is {@link SendResult#BACK_PRESSURED}; every refusal is counted on the owner's {@link MessageCounters}.
 * <p>
 * Intake has three states. {@code OPEN} accepts everyone. {@code DRAINING} (runtime closing) refuses outside
 * senders but still accepts actors, so that work in flight can finish. {@code CLOSED} refuses everyone.
 * <p>
 * Thread safety: safe from any number of threads when multi-producer, and from one thread (the first that
 * sends) when single-producer; a second thread gets {@link SendResult#NOT_SINGLE_PRODUCER}.
 */
final class RingProducer implements MessageSink
{
    private static final int OPEN = 0;
    private static final int DRAINING = 1;
    private static final int CLOSED = 2;
    private static final int ANY_SENDER = Integer.MIN_VALUE;

    final RingBuffer<MessageSlot> ring;
    private final int maxMessageLength;
    private final boolean singleProducer;
    private final MessageCounters counters;
    private Thread producerThread;
    private int onlySenderId = ANY_SENDER;
    private volatile int state = OPEN;

    RingProducer(
        final ProducerType producerType, final int ringSize, final int maxMessageLength, final MessageCounters counters)
    {
        // Readers poll; nobody waits on the ring's barrier. A busy-spin wait strategy makes publish's
        // signalAllWhenBlocking() a no-op, where a blocking one would take a lock on every message.
        this.ring = RingBuffer.create(
            producerType, new MessageSlotFactory(ringSize, maxMessageLength), ringSize, new BusySpinWaitStrategy());
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
        slot.reset(MessageSlot.ABORTED_TYPE, senderId, length);
        try
        {
            slot.buffer.putBytes(0, buffer, offset, length);
            slot.messageType(messageType);
            slot.correlationId(correlationId);
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
            slot.reset(0, senderId, length);
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
        if (onlySenderId != ANY_SENDER && senderId != onlySenderId)
        {
            counters.onDropped(1);
            return SendResult.REFUSED;
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

    void acceptOnlyFrom(final int senderId)
    {
        this.onlySenderId = senderId;
    }

    int maxMessageLength()
    {
        return maxMessageLength;
    }

    MessageCounters counters()
    {
        return counters;
    }

    void drain()
    {
        if (state == OPEN)
        {
            state = DRAINING;
        }
    }

    void close()
    {
        state = CLOSED;
    }

    boolean isClosed()
    {
        return state == CLOSED;
    }
}
