package io.ringway.perf.core;

import com.lmax.disruptor.Sequence;

/**
 * What a one-hop consumer has received, so that the producer can check that it kept up: a count published on
 * its own cache lines, and whether the sequence numbers arrived in order.
 * <p>
 * Thread safety: {@link #onMessage(long)} from the one consumer thread; {@link #awaitReceived(long, long)} from
 * the producer.
 */
public final class ConsumerProgress
{
    private final Sequence received = new Sequence(0); // padded: the producer's reads do not share its line
    private long count;
    private long expected;
    private volatile long firstGapAt = -1;

    /**
     * Counts one message. Consumer thread only.
     *
     * @param sequenceNumber the number the producer wrote in the message's first 8 bytes.
     */
    public void onMessage(final long sequenceNumber)
    {
        if (sequenceNumber != expected && firstGapAt < 0)
        {
            firstGapAt = expected;
        }
        expected = sequenceNumber + 1;
        received.set(++count);
    }

    /** @return messages received so far. Any thread. */
    public long received()
    {
        return received.get();
    }

    /**
     * Waits until the consumer has received every message sent, in order.
     *
     * @param sent      messages the producer sent.
     * @param timeoutNs how long to wait.
     * @throws IllegalStateException if a message was missed or reordered, or the consumer did not catch up.
     */
    public void awaitReceived(final long sent, final long timeoutNs)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        while (received.get() < sent)
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new IllegalStateException("consumer received " + received.get() + " of " + sent + " messages");
            }
            Thread.onSpinWait();
        }
        if (received.get() != sent || firstGapAt >= 0)
        {
            throw new IllegalStateException("consumer received " + received.get() + " of " + sent
                + " messages, first gap at " + firstGapAt);
        }
    }
}
