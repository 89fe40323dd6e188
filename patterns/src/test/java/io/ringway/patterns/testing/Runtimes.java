package io.ringway.patterns.testing;

import io.ringway.runtime.status.CounterType;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The runtimes a placement started for a contract whose members may sit in more than one of them (pair,
 * router/dealer), and the only ways the test steps and reads them: a caller-run dispatcher is stepped wherever it
 * runs, a counter is read in the runtime that holds a given actor. In one process that is one runtime
 * ({@link OneRuntime}); behind a bridge, two, with the wire between them.
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public interface Runtimes extends AutoCloseable
{
    /**
     * Runs a caller-run dispatcher, in every runtime that has it, until the condition holds.
     *
     * @param dispatcher a caller-run dispatcher.
     * @param condition  checked after each duty cycle.
     * @param what       describes the state reached, for the failure message.
     * @throws AssertionError if the condition does not hold within {@link Await#TIMEOUT}.
     */
    void runUntil(String dispatcher, BooleanSupplier condition, Supplier<String> what);

    /**
     * Runs a caller-run dispatcher, in every runtime that has it, until it finds nothing to do and nothing is on
     * its way to it.
     *
     * @param dispatcher a caller-run dispatcher.
     * @throws AssertionError if it never goes idle.
     */
    void runUntilIdle(String dispatcher);

    /**
     * @param holder an actor: the counter is read in the runtime that holds it.
     * @param owner  an actor, an attachment's address or a link's port in that runtime.
     * @param type   which of its standard counters.
     * @return the counter's value.
     */
    long counter(String holder, String owner, CounterType type);

    /** Closes every runtime started. */
    @Override
    void close();
}
