package io.ringway.patterns.router;

/**
 * The router/dealer contract with every member in one process.
 */
class InProcessRouterTest extends RouterContract
{
    @Override
    protected RouterPlacement placement()
    {
        return new InProcessRouterPlacement(runtimeDirectory);
    }
}
