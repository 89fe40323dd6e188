package io.ringway.perf.patterns;

import com.lmax.disruptor.Sequence;

/**
 * What one receiver (a subscriber or a worker) has received: a count published on its own cache lines, and
 * whether the sequence numbers it saw went strictly up, as they must for a fan-out subscriber and for one
 * round-robin worker. A negative sequence number is a probe, sent during set-up to learn that the receiver is
 * connected; it is not counted.
 * <p>
 * Thread safety: {@link #onMessage(long)} from the one thread the receiver runs on; the rest from any thread.
 */
public final class ReceiverProgress
{
    private final Sequence received = new Sequence(0); // padded: the producer's reads do not share its line
    private long count;
    private long last = -1;
    private volatile long firstFault = -1;
    private volatile boolean joined;

    /**
     * Counts one message. Receiver thread only.
     *
     * @param sequenceNumber the number the producer wrote in the message's first 8 bytes; negative for a probe.
     */
    public void onMessage(final long sequenceNumber)
    {
        if (sequenceNumber < 0)
        {
            if (!joined)
            {
                joined = true;
            }
            return;
        }
        if (sequenceNumber <= last && firstFault < 0)
        {
            firstFault = sequenceNumber;
        }
        last = sequenceNumber;
        received.set(++count);
    }

    /** @return messages received so far, probes excluded. Any thread. */
    public long received()
    {
        return received.get();
    }

    /** @return whether a probe has arrived. Any thread. */
    public boolean joined()
    {
        return joined;
    }

    /** @return the first sequence number that arrived out of order or twice, or -1 if none. Any thread. */
    public long firstFault()
    {
        return firstFault;
    }
}
