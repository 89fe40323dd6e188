package io.ringway.transport.contract;

/** The router/dealer contract with every dealer but v0 behind ipc:// in a second runtime. */
class IpcRouterTest extends WireRouterContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.IPC;
    }
}
