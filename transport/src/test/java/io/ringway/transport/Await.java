package io.ringway.transport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition with a timeout, parking briefly between checks so that the links' threads get the cores.
 */
final class Await
{
    private Await()
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
            LockSupport.parkNanos(200_000);
        }
    }

    static void until(final BooleanSupplier condition, final Supplier<String> what)
    {
        until(condition, Duration.ofSeconds(10), what);
    }
}
