package io.ringway.patterns.roundrobin;

/**
 * The round-robin contract with every member in one process.
 */
class InProcessRoundRobinTest extends RoundRobinContract
{
    @Override
    protected RoundRobinPlacement placement()
    {
        return new InProcessRoundRobinPlacement(runtimeDirectory);
    }
}
