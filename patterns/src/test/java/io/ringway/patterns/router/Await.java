package io.ringway.patterns.router;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition with a timeout, instead of sleeping and hoping. The condition may do work itself, such as
 * running a caller-run dispatcher's duty cycle.
 */
final class Await
{
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Await()
    {
    }

    /**
     * @param condition what to wait for; evaluated repeatedly.
     * @param what      describes the state reached, for the failure message.
     */
    static void until(final BooleanSupplier condition, final Supplier<String> what)
    {
        final long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new AssertionError("timed out after " + TIMEOUT.toMillis() + " ms: " + what.get());
            }
            Thread.yield();
        }
    }
}
