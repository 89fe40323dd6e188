package io.ringway.transport.faults;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition with a timeout, parking between looks: these tests share two cores with child JVMs.
 */
final class FaultAwait
{
    private FaultAwait()
    {
    }

    static void until(final BooleanSupplier condition, final Duration timeout, final Supplier<String> what)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms: " + what.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    static void until(final BooleanSupplier condition, final Supplier<String> what)
    {
        until(condition, Duration.ofSeconds(20), what);
    }
}
