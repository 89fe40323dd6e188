package io.ringway.runtime.ring;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.LangUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.invoke.VarHandle;

/**
 * One reader of a {@link SharedRing}, with a sequence of its own: every reader sees every message, in order.
 * <p>
 * A {@link ReadMode#LOSSLESS} reader hands out the ring's slots in place (zero copy) and gates the producers.
 * A {@link ReadMode#LOSSY} reader does not gate them, so a slot may be overwritten while it is read: it copies
 * each slot into a private scratch slot, then checks that the producers had not claimed the slot again by the
 * time the copy was done. A message overwritten before it was read, or while it was copied, is skipped and
 * counted as missed; the reader's owner counts it as dropped.
 * <p>
 * Thread safety: {@link #poll} from one thread only, the reader's owner; {@link #missed()} and
 * {@link #backlog()} from any thread.
 */
public final class RingReader implements EventPoller.Handler<MessageSlot>
{
    private final String name;
    private final RingBuffer<MessageSlot> ring;
    private final EventPoller<MessageSlot> poller;
    private final ReadMode mode;
    private final MessageCounters counters;
    private final int ringSize;
    private final MessageSlot scratch;
    private EventPoller.Handler<MessageSlot> target;
    private int remaining;
    private int taken;
    private volatile long missed;

    RingReader(
        final String name,
        final RingBuffer<MessageSlot> ring,
        final ReadMode mode,
        final MessageCounters counters,
        final int maxMessageLength,
        final Sequence... upstream)
    {
        this.name = name;
        this.ring = ring;
        this.mode = mode;
        this.counters = counters;
        this.ringSize = ring.getBufferSize();
        this.poller = ring.newPoller(upstream);
        this.poller.getSequence().set(ring.getCursor());
        this.scratch = mode == ReadMode.LOSSY ?
            new MessageSlot(new UnsafeBuffer(new byte[MessageSlot.HEADER_LENGTH + maxMessageLength])) : null;
    }

    /** @return the reader's name, unique in its ring. */
    public String name()
    {
        return name;
    }

    /** @return how this reader keeps up. */
    public ReadMode mode()
    {
        return mode;
    }

    Sequence sequence()
    {
        return poller.getSequence();
    }

    /**
     * Hands the messages waiting for this reader to a handler, in order, up to a limit.
     *
     * @param handler called for each message; the slot is valid only during the call. It must not throw.
     * @param limit   most messages to take.
     * @return messages taken, including any found overwritten.
     */
    public int poll(final EventPoller.Handler<MessageSlot> handler, final int limit)
    {
        if (mode == ReadMode.LOSSY)
        {
            skipIfLapped();
        }
        target = handler;
        remaining = limit;
        taken = 0;
        try
        {
            poller.poll(this);
        }
        catch (final Exception ex)
        {
            LangUtil.rethrowUnchecked(ex);
        }
        finally
        {
            target = null;
        }
        return taken;
    }

    @Override
    public boolean onEvent(final MessageSlot slot, final long sequence, final boolean endOfBatch) throws Exception
    {
        taken++;
        if (mode == ReadMode.LOSSLESS)
        {
            if (slot.messageType() != MessageSlot.ABORTED_TYPE)
            {
                target.onEvent(slot, sequence, endOfBatch);
            }
        }
        else if (copyUnlessOverwritten(slot, sequence) && scratch.messageType() != MessageSlot.ABORTED_TYPE)
        {
            target.onEvent(scratch, sequence, endOfBatch);
        }
        return --remaining > 0;
    }

    private boolean copyUnlessOverwritten(final MessageSlot slot, final long sequence)
    {
        final MessageSlot copy = scratch;
        // A torn read of a slot being overwritten may give any length: clamp it, then let the check discard it.
        final int length = Math.min(Math.max(slot.length(), 0), copy.buffer.capacity());
        copy.copyFrame(slot, length);
        copy.length(length);
        copy.topicLength(Math.min(Math.max(copy.topicLength(), 0), length));

        // The copy's loads must complete before the cursor is read: a producer claims (moves the cursor) before
        // it writes, so a cursor short of sequence + ringSize proves the slot was not being rewritten.
        VarHandle.loadLoadFence();
        if (ring.getCursor() - sequence >= ringSize)
        {
            addMissed(1);
            return false;
        }
        return true;
    }

    private void skipIfLapped()
    {
        final Sequence sequence = poller.getSequence();
        final long next = sequence.get() + 1;
        final long oldestIntact = ring.getCursor() - ringSize + 1;
        if (next < oldestIntact)
        {
            // Skip a quarter of a ring past the oldest intact slot, so the reader is not lapped again at once.
            final long resumeAt = oldestIntact + (ringSize >> 2);
            addMissed(resumeAt - next);
            sequence.set(resumeAt - 1);
        }
    }

    private void addMissed(final long count)
    {
        missed += count;
        counters.onDropped(count);
    }

    /** @return messages this reader has missed by being lapped; always 0 for a lossless reader. */
    public long missed()
    {
        return missed;
    }

    /** @return messages published that this reader has not taken yet. */
    public long backlog()
    {
        return Math.max(0, ring.getCursor() - poller.getSequence().get());
    }

    /**
     * Counts what this reader left unread as dropped on its owner's counters: every slot of a lossless reader's
     * backlog, and for a lossy reader those of its backlog still in the ring (it had already missed the rest,
     * and counted them, or will never see them). Call after the reader's owner stopped.
     *
     * @return the number of messages discarded.
     */
    public long discardBacklog()
    {
        final long discarded = Math.min(backlog(), ringSize);
        if (discarded > 0)
        {
            counters.onDropped(discarded);
        }
        return discarded;
    }
}
