package io.ringway.transport.contract;

/** The correlate-reply contract with the repliers behind tcp:// in a second runtime. */
class TcpRequestReplyTest extends WireRequestReplyContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.TCP;
    }
}
