package io.ringway.patterns.roundrobin;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.Ringway;

/**
 * The round-robin contract with every member in one process.
 */
class InProcessRoundRobinTest extends RoundRobinContract
{
    @Override
    protected Ringway start(final TopologyBuilder topology)
    {
        return topology.build().start();
    }
}
