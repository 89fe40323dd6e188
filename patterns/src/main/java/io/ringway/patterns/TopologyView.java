package io.ringway.patterns;

import io.ringway.runtime.errors.ConfigurationException;

import java.util.Set;

/**
 * What an operator may know of its topology while validating: the names of its actors.
 *
 * @param actorNames every actor of the topology.
 */
public record TopologyView(Set<String> actorNames)
{
    /**
     * @param operator which operator asks, e.g. {@code fan-out 'prices'}.
     * @param role     the member's role, e.g. {@code subscriber}.
     * @param actor    the member's name.
     * @throws ConfigurationException naming the operator, role and actor when no such actor exists.
     */
    public void requireActor(final String operator, final String role, final String actor)
    {
        if (null == actor)
        {
            throw new ConfigurationException(operator + ": no " + role + " given");
        }
        if (!actorNames.contains(actor))
        {
            throw new ConfigurationException(operator + ": " + role + " '" + actor
                + "' is not an actor of the topology; actors are " + actorNames);
        }
    }
}
