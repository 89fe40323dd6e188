package io.ringway.patterns.router;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.Ringway;

/**
 * The router/dealer contract with every member in one process.
 */
class InProcessRouterTest extends RouterContract
{
    @Override
    protected Ringway start(final TopologyBuilder topology)
    {
        return topology.build().start();
    }
}
