package io.ringway.patterns.pair;

/**
 * The pair contract with both ends in one process.
 */
class InProcessPairTest extends PairContract
{
    @Override
    protected PairPlacement placement()
    {
        return new InProcessPairPlacement(runtimeDirectory);
    }
}
