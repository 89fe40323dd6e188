package io.ringway.transport.contract;

import io.ringway.patterns.testing.Await;
import io.ringway.patterns.testing.Runtimes;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.status.CounterType;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runtimes in this JVM linked to each other over the wire, each with the same caller-run dispatchers: a dispatcher
 * is stepped in every runtime; "until idle" waits for the wire to be quiet too ({@link WireQuiet}); a counter is
 * read in the runtime that holds an actor, from its actors' counters or, for a link's port, from the counters
 * file ({@code link <port>: <counter>}).
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
final class WireRuntimes implements Runtimes
{
    private final List<Ringway> runtimes;
    private final WireQuiet quiet;

    /** @param runtimes started and linked to each other; all are closed by {@link #close}. */
    WireRuntimes(final List<Ringway> runtimes)
    {
        this.runtimes = List.copyOf(runtimes);
        this.quiet = new WireQuiet(this.runtimes);
    }

    /** @return the quiet-state reader of these runtimes, to wait for handshakes. */
    WireQuiet quiet()
    {
        return quiet;
    }

    @Override
    public void runUntil(final String dispatcher, final BooleanSupplier condition, final Supplier<String> what)
    {
        Await.until(() ->
        {
            for (final Ringway runtime : runtimes)
            {
                runtime.invoker(dispatcher).invoke();
            }
            return condition.getAsBoolean();
        }, what);
    }

    @Override
    public void runUntilIdle(final String dispatcher)
    {
        quiet.runUntilQuiet(dispatcher);
    }

    @Override
    public long counter(final String holder, final String owner, final CounterType type)
    {
        final Ringway runtime = holderOf(holder);
        try
        {
            return runtime.actorCounters(owner).get(type);
        }
        catch (final IllegalArgumentException notAnActor)
        {
            final String label = "link " + owner + ": " + type.label();
            final Map<String, Long> counters = WireQuiet.counters(runtime);
            final Long value = counters.get(label);
            if (null == value)
            {
                fail("no actor, address or port '" + owner + "' beside '" + holder + "': no counter '" + label
                    + "' in " + counters.keySet());
            }
            return value;
        }
    }

    private Ringway holderOf(final String actor)
    {
        for (final Ringway runtime : runtimes)
        {
            try
            {
                runtime.actorCounters(actor);
                return runtime;
            }
            catch (final IllegalArgumentException elsewhere)
            {
                // held by another runtime
            }
        }
        throw new AssertionError("no runtime holds actor '" + actor + "'");
    }

    @Override
    public void close()
    {
        for (final Ringway runtime : runtimes)
        {
            runtime.close();
        }
    }
}
