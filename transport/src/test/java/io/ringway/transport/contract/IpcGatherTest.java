package io.ringway.transport.contract;

/** The gather-with-deadline contract with the members behind ipc:// in a second runtime. */
class IpcGatherTest extends WireGatherContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.IPC;
    }
}
