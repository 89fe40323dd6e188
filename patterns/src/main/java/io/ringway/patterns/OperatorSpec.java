package io.ringway.patterns;

import io.ringway.runtime.ActorOptions;
import io.ringway.runtime.RingwayBuilder;

/**
 * One operator of a topology as declared in the DSL: it checks itself against the topology, declares what it
 * needs of the runtime (shared rings), and attaches its code to its member actors.
 * <p>
 * Called by {@link TopologyBuilder#build()} on one thread, in this order: {@link #validate}, {@link #declare},
 * then {@link #configure} once per actor of the topology.
 */
public interface OperatorSpec
{
    /** @return the operator's name, unique in its topology; its attachments carry this name. */
    String name();

    /**
     * @param topology the actors of the topology.
     * @throws io.ringway.runtime.errors.ConfigurationException naming the operator and the fault.
     */
    void validate(TopologyView topology);

    /**
     * Declares runtime resources, such as shared rings.
     *
     * @param runtime the runtime being built.
     */
    default void declare(final RingwayBuilder runtime)
    {
    }

    /**
     * Adds this operator's attachments to an actor that is one of its members; does nothing for other actors.
     *
     * @param actorName an actor of the topology.
     * @param options   its options.
     */
    void configure(String actorName, ActorOptions options);
}
