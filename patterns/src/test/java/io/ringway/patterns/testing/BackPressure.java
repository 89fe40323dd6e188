package io.ringway.patterns.testing;

import io.ringway.runtime.ring.SendResult;

import java.util.function.LongSupplier;

/**
 * For test publishers that must get every message in despite a slow reader, as a stress test's publishers do.
 */
public final class BackPressure
{
    private BackPressure()
    {
    }

    /**
     * Sends again while the send is back-pressured, yielding between tries, for at most {@link Await#TIMEOUT}.
     *
     * @param send one try; returns a position or a negative {@link SendResult} code.
     * @return the last try's result: a position, any other code, or {@code BACK_PRESSURED} at the timeout.
     */
    public static long retry(final LongSupplier send)
    {
        final long deadlineNs = System.nanoTime() + Await.TIMEOUT.toNanos();
        long result;
        while ((result = send.getAsLong()) == SendResult.BACK_PRESSURED && deadlineNs - System.nanoTime() >= 0)
        {
            Thread.yield();
        }
        return result;
    }
}
