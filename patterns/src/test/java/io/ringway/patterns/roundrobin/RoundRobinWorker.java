package io.ringway.patterns.roundrobin;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.actor.Supervision;

/**
 * A worker as a {@link RoundRobinContract} declares it, for its placement to declare wherever it puts it: the
 * actor, the dispatcher it runs on (which every runtime of the placement has) and its mailbox.
 *
 * @param name             the actor's name.
 * @param factory          makes the actor.
 * @param dispatcher       the dispatcher it runs on.
 * @param ringSize         slots in its mailbox.
 * @param maxMessageLength largest message its mailbox takes.
 * @param supervision      what happens when it throws.
 */
public record RoundRobinWorker(
    String name, ActorFactory factory, String dispatcher, int ringSize, int maxMessageLength, Supervision supervision)
{
    /**
     * Declares the worker's actor.
     *
     * @param topology of the runtime that holds it.
     * @return the topology.
     */
    public TopologyBuilder declareIn(final TopologyBuilder topology)
    {
        return topology.actor(name, factory, options -> options
            .dispatcher(dispatcher)
            .ringSize(ringSize)
            .maxMessageLength(maxMessageLength)
            .supervision(supervision));
    }
}
