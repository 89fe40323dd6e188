package io.ringway.perf.tools;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.MessageSlot;
import org.agrona.DirectBuffer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The end of a receiving tool, as an actor (messages from its mailbox) or as a ring reader's handler: counts
 * messages up to a limit and remembers when the first and the
 * last arrived. Messages past the limit are counted apart, so the tool receives exactly what it was asked for.
 * <p>
 * Thread safety: one thread counts (the actor's dispatcher, or the thread that polls the ring); the getters may
 * be read from any thread.
 */
final class ReceiveCounter implements Actor, EventPoller.Handler<MessageSlot>
{
    private final long limit;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong beyondLimit = new AtomicLong();
    private volatile long firstNs;
    private volatile long lastNs;

    /**
     * @param limit how many messages to count; 0 for no limit.
     */
    ReceiveCounter(final long limit)
    {
        this.limit = limit;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        count();
    }

    @Override
    public boolean onEvent(final MessageSlot slot, final long sequence, final boolean endOfBatch)
    {
        count();
        return true;
    }

    private void count()
    {
        final long count = received.get();
        if (0 != limit && count >= limit)
        {
            beyondLimit.lazySet(beyondLimit.get() + 1);
            return;
        }
        final long nowNs = System.nanoTime();
        if (0 == count)
        {
            firstNs = nowNs;
        }
        lastNs = nowNs;
        received.lazySet(count + 1);
    }

    /** @return messages counted, at most the limit. */
    long received()
    {
        return received.get();
    }

    /** @return messages that arrived after the limit was reached. */
    long beyondLimit()
    {
        return beyondLimit.get();
    }

    /** @return true once the limit, if any, is reached. */
    boolean done()
    {
        return 0 != limit && received.get() >= limit;
    }

    /** @return {@link System#nanoTime()} of the last message counted; meaningful once one was. */
    long lastNs()
    {
        return lastNs;
    }

    /** @return nanoseconds from the first message counted to the last; 0 before two. */
    long elapsedNs()
    {
        return received.get() > 0 ? lastNs - firstNs : 0;
    }
}
