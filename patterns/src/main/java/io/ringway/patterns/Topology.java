package io.ringway.patterns;

/**
 * Where a topology starts: {@code Topology.builder()}.
 */
public final class Topology
{
    private Topology()
    {
    }

    /** @return a builder for a new topology. */
    public static TopologyBuilder builder()
    {
        return new TopologyBuilder();
    }
}
