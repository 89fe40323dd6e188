package io.ringway.transport.contract;

/** The fan-out contract with the subscribers behind ipc:// in a second runtime. */
class IpcFanOutTest extends WireFanOutContract
{
    @Override
    WireScheme scheme()
    {
        return WireScheme.IPC;
    }
}
