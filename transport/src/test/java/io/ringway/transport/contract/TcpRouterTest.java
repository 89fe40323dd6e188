package io.ringway.transport.contract;

/** The router/dealer contract with every dealer but v0 behind tcp:// in a second runtime. */
class TcpRouterTest extends WireRouterContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.TCP;
    }
}
