package io.ringway.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition with a timeout, instead of sleeping and hoping.
 */
public final class Await
{
    private Await()
    {
    }

    /**
     * @param condition what to wait for.
     * @param timeout   how long to wait.
     * @param what      describes the state reached, for the failure message.
     */
    public static void until(final BooleanSupplier condition, final Duration timeout, final Supplier<String> what)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms: " + what.get());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /**
     * @param condition what to wait for, within 10 seconds.
     * @param what      describes the state reached, for the failure message.
     */
    public static void until(final BooleanSupplier condition, final Supplier<String> what)
    {
        until(condition, Duration.ofSeconds(10), what);
    }
}
