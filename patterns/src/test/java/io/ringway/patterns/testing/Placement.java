package io.ringway.patterns.testing;

import io.ringway.patterns.TopologyBuilder;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;

/**
 * Where a contract test's members live, and the only ways the test reaches them: a command into a member's
 * mailbox, a duty cycle of a caller-run dispatcher, a counter in the counters file. A contract written against
 * this interface runs unchanged whether its members share one runtime ({@link InProcessPlacement}) or some of
 * them sit behind an {@code ipc://} or {@code tcp://} bridge in a runtime of their own.
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public interface Placement
{
    /**
     * Builds and starts the topology, placing its members as this placement does.
     *
     * @param topology     declared by the test.
     * @param errorHandler receives the failures of every runtime this placement starts.
     */
    void start(TopologyBuilder topology, ErrorHandler errorHandler);

    /** @param dispatcher a caller-run dispatcher of the topology, wherever it runs: run one duty cycle of it. */
    void dutyCycle(String dispatcher);

    /**
     * Sends a command from outside into a member's mailbox, with correlation id 0.
     *
     * @return a position, or a negative {@code SendResult} code.
     */
    long tell(String actor, int messageType, DirectBuffer buffer, int offset, int length);

    /**
     * @param label the counter's label in the counters file.
     * @return its value, from the counters file of the runtime that holds the counter.
     */
    long counter(String label);

    /** Closes whatever {@link #start} started; does nothing if nothing was started. */
    void close();
}
