package io.ringway.perf.patterns;

/**
 * The receivers of one benchmark and what the producer needs from them: room in the in-flight
 * {@link PatternSettings#WINDOW}, and proof at the end of each iteration that every message was delivered as the
 * pattern promises.
 * <ul>
 *     <li>{@link #eachReceivesAll}: fan-out; every receiver gets every message, in order. The floor is the
 *     slowest receiver's count.</li>
 *     <li>{@link #shareTheWork}: round-robin, request-reply and gather; each message goes to one receiver,
 *     each receiver's messages in order. The floor is the sum of the counts.</li>
 * </ul>
 * Thread safety: each {@link ReceiverProgress} is written by its receiver's thread; the methods here are for the
 * one producer thread.
 */
public final class Receivers
{
    private final ReceiverProgress[] receivers;
    private final boolean eachReceivesAll;
    private long cachedFloor;

    private Receivers(final int count, final boolean eachReceivesAll)
    {
        this.receivers = new ReceiverProgress[count];
        for (int i = 0; i < count; i++)
        {
            receivers[i] = new ReceiverProgress();
        }
        this.eachReceivesAll = eachReceivesAll;
    }

    /**
     * @param count receivers.
     * @return receivers that each get every message (fan-out).
     */
    public static Receivers eachReceivesAll(final int count)
    {
        return new Receivers(count, true);
    }

    /**
     * @param count receivers.
     * @return receivers that each get some of the messages, every message going to exactly one.
     */
    public static Receivers shareTheWork(final int count)
    {
        return new Receivers(count, false);
    }

    /**
     * @param index from 0 to {@link #count()} - 1.
     * @return that receiver's progress, for its handler to count into.
     */
    public ReceiverProgress get(final int index)
    {
        return receivers[index];
    }

    /** @return the number of receivers. */
    public int count()
    {
        return receivers.length;
    }

    /**
     * @return messages delivered as the pattern promises: the slowest receiver's count when each receives all,
     * else the sum of the counts.
     */
    public long floor()
    {
        final ReceiverProgress[] receivers = this.receivers;
        long floor = eachReceivesAll ? Long.MAX_VALUE : 0;
        for (final ReceiverProgress receiver : receivers)
        {
            final long received = receiver.received();
            floor = eachReceivesAll ? Math.min(floor, received) : floor + received;
        }
        return floor;
    }

    /**
     * Spins until fewer than {@link PatternSettings#WINDOW} messages are in flight, so that one more may be sent.
     * Reads the receivers' counts only when the count last read leaves no room, as a Disruptor producer caches
     * its gating sequence.
     *
     * @param sent messages sent so far.
     */
    public void awaitRoom(final long sent)
    {
        if (sent - cachedFloor >= PatternSettings.WINDOW)
        {
            while (sent - (cachedFloor = floor()) >= PatternSettings.WINDOW)
            {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Waits until every message sent has been delivered, and checks that none was lost, duplicated or reordered.
     *
     * @param sent      messages the producer sent.
     * @param timeoutNs how long to wait.
     * @throws IllegalStateException if a message is missing, arrived twice or out of order.
     */
    public void awaitDelivered(final long sent, final long timeoutNs)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        while (floor() < sent)
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new IllegalStateException("receivers delivered " + floor() + " of " + sent + " messages");
            }
            Thread.onSpinWait();
        }
        cachedFloor = sent;
        long total = 0;
        for (int i = 0; i < receivers.length; i++)
        {
            final ReceiverProgress receiver = receivers[i];
            total += receiver.received();
            if (receiver.firstFault() >= 0)
            {
                throw new IllegalStateException("receiver " + i + " saw message " + receiver.firstFault()
                    + " out of order or twice");
            }
            if (eachReceivesAll && receiver.received() != sent)
            {
                throw new IllegalStateException("receiver " + i + " got " + receiver.received() + " of " + sent);
            }
        }
        if (!eachReceivesAll && total != sent)
        {
            throw new IllegalStateException("receivers got " + total + " messages for " + sent + " sent");
        }
    }

    /**
     * Sends probes until every receiver has seen one: a JeroMQ subscription or connection, or a Pekko routee,
     * is in place only some time after the call that makes it.
     *
     * @param probe     sends one probe (a message with a negative sequence number).
     * @param timeoutNs how long to try.
     * @throws IllegalStateException if a receiver never joins.
     */
    public void awaitJoined(final Runnable probe, final long timeoutNs)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        while (!allJoined())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new IllegalStateException("a receiver did not join within " + timeoutNs / 1_000_000 + " ms");
            }
            probe.run();
            Thread.yield();
        }
    }

    private boolean allJoined()
    {
        for (final ReceiverProgress receiver : receivers)
        {
            if (!receiver.joined())
            {
                return false;
            }
        }
        return true;
    }
}
