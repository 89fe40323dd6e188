package io.ringway.transport.contract;

/** The pair contract with end b behind ipc:// in a second runtime. */
class IpcPairTest extends WirePairContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.IPC;
    }
}
