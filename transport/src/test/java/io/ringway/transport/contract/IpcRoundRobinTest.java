package io.ringway.transport.contract;

/** The round-robin contract with the last worker behind ipc:// in a second runtime. */
class IpcRoundRobinTest extends WireRoundRobinContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.IPC;
    }
}
