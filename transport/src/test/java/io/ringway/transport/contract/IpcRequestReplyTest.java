package io.ringway.transport.contract;

/** The correlate-reply contract with the repliers behind ipc:// in a second runtime. */
class IpcRequestReplyTest extends WireRequestReplyContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.IPC;
    }
}
