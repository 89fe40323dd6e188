package io.ringway.patterns.testing;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.status.CounterType;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Every member in one runtime in this process: dispatchers stepped on the test's thread, counters read in it. */
public final class OneRuntime implements Runtimes
{
    private final Ringway ringway;

    /** @param ringway started, with every member in it; closed by {@link #close()}. */
    public OneRuntime(final Ringway ringway)
    {
        this.ringway = ringway;
    }

    @Override
    public void runUntil(final String dispatcher, final BooleanSupplier condition, final Supplier<String> what)
    {
        DutyCycles.runUntil(ringway.invoker(dispatcher), condition, what);
    }

    @Override
    public void runUntilIdle(final String dispatcher)
    {
        DutyCycles.runUntilIdle(ringway.invoker(dispatcher));
    }

    @Override
    public long counter(final String holder, final String owner, final CounterType type)
    {
        return ringway.actorCounters(owner).get(type);
    }

    @Override
    public void close()
    {
        ringway.close();
    }
}
