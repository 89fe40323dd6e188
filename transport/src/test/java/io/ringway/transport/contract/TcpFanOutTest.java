package io.ringway.transport.contract;

/** The fan-out contract with the subscribers behind tcp:// in a second runtime. */
class TcpFanOutTest extends WireFanOutContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.TCP;
    }
}
