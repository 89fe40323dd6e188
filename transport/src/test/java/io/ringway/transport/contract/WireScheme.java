package io.ringway.transport.contract;

import java.util.concurrent.ThreadLocalRandom;

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
    /** JeroMQ's {@code ipc://}, under a random name (TCP on a port hashed from the name, see docs/WIRE.md). */
    IPC
    {
        @Override
        String newBindEndpoint()
        {
            return "ipc://ringway-contract-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        }
    };

    /** @return an endpoint to bind a new link on; the link reports the endpoint actually bound. */
    abstract String newBindEndpoint();
}
