package io.ringway.patterns.examples.trading;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition with a timeout, parking between looks: the cores belong to the dispatchers under test.
 */
final class Await
{
    private static final long PARK_NS = 100_000;

    private Await()
    {
    }

    static void until(final BooleanSupplier condition, final Duration timeout, final Supplier<String> state)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new AssertionError("not reached in " + timeout.toMillis() + " ms: " + state.get());
            }
            LockSupport.parkNanos(PARK_NS);
        }
    }
}
