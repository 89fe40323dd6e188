package io.ringway.patterns.pair;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.Ringway;

/**
 * The pair contract with both ends in one process.
 */
class InProcessPairTest extends PairContract
{
    @Override
    protected Ringway start(final TopologyBuilder topology)
    {
        return topology.build().start();
    }
}
