package io.ringway.patterns.fanout;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition with a timeout instead of sleeping and hoping; backs off (spin, yield, park) between
 * checks so that waiting tests leave the shared cores to the threads they wait for.
 */
final class Await
{
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private Await()
    {
    }

    /**
     * @param condition what to wait for; may drive caller-run dispatchers each time it is checked.
     * @param timeout   how long to wait.
     * @param what      describes the state reached, for the failure message.
     */
    static void until(final BooleanSupplier condition, final Duration timeout, final Supplier<String> what)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(10, 10, 1_000, 1_000_000);
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
     * @param condition what to wait for, within 20 seconds.
     * @param what      describes the state reached, for the failure message.
     */
    static void until(final BooleanSupplier condition, final Supplier<String> what)
    {
        until(condition, DEFAULT_TIMEOUT, what);
    }
}
