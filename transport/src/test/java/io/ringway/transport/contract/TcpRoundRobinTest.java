package io.ringway.transport.contract;

/** The round-robin contract with the last worker behind tcp:// in a second runtime. */
class TcpRoundRobinTest extends WireRoundRobinContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.TCP;
    }
}
