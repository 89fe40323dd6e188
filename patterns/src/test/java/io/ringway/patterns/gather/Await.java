package io.ringway.patterns.gather;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition with a timeout, instead of sleeping and hoping.
 */
final class Await
{
    // Polls rather than spins: the machine's cores belong to the dispatchers under test.
    private static final long POLL_INTERVAL_NS = 50_000;

    private Await()
    {
    }

    /**
     * @param condition what to wait for.
     * @param timeout   how long to wait.
     * @param what      describes the state reached, for the failure message.
     */
    static void until(final BooleanSupplier condition, final Duration timeout, final Supplier<String> what)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms: " + what.get());
            }
            LockSupport.parkNanos(POLL_INTERVAL_NS);
        }
    }
}
