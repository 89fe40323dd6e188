package io.ringway.patterns.testing;

import org.agrona.concurrent.AgentInvoker;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Steps a caller-run dispatcher on the test's thread, so that a test decides when each member does its work.
 */
public final class DutyCycles
{
    /**
     * How many duty cycles {@link #runUntilIdle(AgentInvoker)} allows: far more than any test's work needs, so
     * that reaching it means the dispatcher never goes idle (a message bouncing for ever), not slowness.
     */
    public static final int MAX_DUTY_CYCLES = 1_000;

    private DutyCycles()
    {
    }

    /**
     * Runs duty cycles until one finds nothing to do.
     *
     * @param invoker of a caller-run dispatcher.
     * @throws AssertionError if the dispatcher is still busy after {@link #MAX_DUTY_CYCLES} cycles.
     */
    public static void runUntilIdle(final AgentInvoker invoker)
    {
        for (int i = 0; i < MAX_DUTY_CYCLES; i++)
        {
            if (0 == invoker.invoke())
            {
                return;
            }
        }
        throw new AssertionError("still busy after " + MAX_DUTY_CYCLES + " duty cycles");
    }

    /**
     * Runs duty cycles until the condition holds, for messages that other threads are still sending.
     *
     * @param invoker   of a caller-run dispatcher.
     * @param condition checked after each duty cycle.
     * @param what      describes the state reached, for the failure message.
     * @throws AssertionError if the condition does not hold within {@link Await#TIMEOUT}.
     */
    public static void runUntil(
        final AgentInvoker invoker, final BooleanSupplier condition, final Supplier<String> what)
    {
        Await.until(() ->
        {
            invoker.invoke();
            return condition.getAsBoolean();
        }, what);
    }
}
