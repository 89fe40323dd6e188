package io.ringway.transport.contract;

/** The gather-with-deadline contract with the members behind tcp:// in a second runtime. */
class TcpGatherTest extends WireGatherContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.TCP;
    }
}
