package io.ringway.transport.contract;

/** The pair contract with end b behind tcp:// in a second runtime. */
class TcpPairTest extends WirePairContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.TCP;
    }
}
