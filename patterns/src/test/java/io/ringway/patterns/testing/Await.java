package io.ringway.patterns.testing;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition with a timeout instead of sleeping and hoping. Between checks it backs off (spin, yield,
 * then park for at most 100 µs), so that a waiting test leaves the shared cores to the threads it waits for yet
 * still notices a condition met within a fraction of a millisecond.
 */
public final class Await
{
    /** How long {@link #until(BooleanSupplier, Supplier)} waits. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Await()
    {
    }

    /**
     * @param condition what to wait for; evaluated repeatedly, and may do work itself, such as running a
     *                  caller-run dispatcher's duty cycle.
     * @param timeout   how long to wait.
     * @param what      describes the state reached, for the failure message.
     * @throws AssertionError if the condition does not hold within the timeout.
     */
    public static void until(final BooleanSupplier condition, final Duration timeout, final Supplier<String> what)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(10, 10, 1_000, 100_000);
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms: " + what.get());
            }
            idle.idle();
        }
    }

    /**
     * @param condition what to wait for, within {@link #TIMEOUT}.
     * @param what      describes the state reached, for the failure message.
     * @throws AssertionError if the condition does not hold within the timeout.
     */
    public static void until(final BooleanSupplier condition, final Supplier<String> what)
    {
        until(condition, TIMEOUT, what);
    }
}
