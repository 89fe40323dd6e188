package io.ringway.patterns.testing;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.status.CounterType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Base of the contract test of an operator whose tests drive the runtime that holds its senders (round-robin):
 * they step its caller-run dispatchers and read its actors' counters, and what the
 * other members receive is recorded outside the actors.
 * <p>
 * The seam is {@link #start(TopologyBuilder)}: an operator's {@code InProcess*Test} builds and starts the whole
 * topology in one runtime; a transport's subclass may put some members (the workers) behind a bridge and return
 * the runtime that holds the rest. The runtime is closed after each test.
 */
public abstract class RuntimeContract
{
    @TempDir
    protected Path runtimeDirectory;
    /** The runtime that {@link #start} returned. */
    protected Ringway ringway;

    /**
     * Builds and starts the topology, placing its members as this subclass does.
     *
     * @param topology declared by the test.
     * @return the started runtime that holds the operator's senders.
     */
    protected abstract Ringway start(TopologyBuilder topology);

    /** @return a topology whose runtime keeps its counters file in the test's temporary directory. */
    protected final TopologyBuilder topology()
    {
        return Topology.builder().runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory));
    }

    /**
     * @param dispatcher a caller-run dispatcher: run its duty cycles until one finds nothing to do.
     * @throws AssertionError if it never goes idle.
     */
    protected final void runUntilIdle(final String dispatcher)
    {
        DutyCycles.runUntilIdle(ringway.invoker(dispatcher));
    }

    /**
     * @param dispatcher a caller-run dispatcher: run its duty cycles until the condition holds.
     * @param condition  checked after each duty cycle.
     * @param what       describes the state reached, for the failure message.
     * @throws AssertionError if the condition does not hold within {@link Await#TIMEOUT}.
     */
    protected final void runUntil(final String dispatcher, final BooleanSupplier condition, final Supplier<String> what)
    {
        DutyCycles.runUntil(ringway.invoker(dispatcher), condition, what);
    }

    /** @return the value of one of an actor's (or an attachment address's) standard counters. */
    protected final long counter(final String owner, final CounterType type)
    {
        return ringway.actorCounters(owner).get(type);
    }

    @AfterEach
    protected void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }
}
