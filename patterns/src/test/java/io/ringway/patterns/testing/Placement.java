package io.ringway.patterns.testing;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutSpec;
import io.ringway.runtime.actor.ActorFactory;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;

import java.util.function.Consumer;

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
     * @param everywhere declares what every runtime of the placement needs, its dispatchers above all, since a
     *                   member may run on a dispatcher of any of them.
     * @return a topology to declare the publishers (or senders) on; members go through {@link #placeMember}.
     */
    TopologyBuilder newTopology(Consumer<TopologyBuilder> everywhere);

    /** Declares a member (a fan-out's subscriber) on a dispatcher, wherever the placement puts members. */
    void placeMember(TopologyBuilder topology, String name, ActorFactory factory, String dispatcher);

    /**
     * Declares a fan-out; {@code configure} names its publishers and subscribers only through
     * {@link #publisher} and {@link #subscriber}, and may set its bounds directly on the spec.
     */
    void fanOut(TopologyBuilder topology, String name, Consumer<FanOutSpec> configure);

    /** Names an actor of the topology as a publisher of the fan-out being configured. */
    void publisher(FanOutSpec operator, String actor);

    /** Names a member placed by {@link #placeMember} as a subscriber of the fan-out being configured. */
    void subscriber(FanOutSpec operator, String member, Delivery delivery, String... prefixes);

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
