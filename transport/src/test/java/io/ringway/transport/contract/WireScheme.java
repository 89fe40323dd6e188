package io.ringway.transport.contract;

import io.ringway.transport.IpcNames;

/** The transport a wire placement links its two runtimes over, and a fresh endpoint to bind for one link. */
public enum WireScheme
{
    /** TCP on the loopback interface, an ephemeral port chosen at bind. */
    TCP
    {
        @Override
        String newBindEndpoint()
        {
            return "tcp://127.0.0.1:*";
        }
    },
    /** JeroMQ's {@code ipc://}, under a random name whose port is free ({@link IpcNames}). */
    IPC
    {
        @Override
        String newBindEndpoint()
        {
            return "ipc://" + IpcNames.freeName("ringway-contract-");
        }
    };

    /** @return an endpoint to bind a new link on; the link reports the endpoint actually bound. */
    abstract String newBindEndpoint();
}
