package io.ringway.transport.contract;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
    /**
     * JeroMQ's {@code ipc://}, under a random name. JeroMQ 0.6.0 binds {@code ipc://name} as TCP on the loopback
     * interface at port {@code 10000 + |hash(name)| mod 55536} (docs/WIRE.md), so a name is taken only if its
     * port is below the kernel's ephemeral range (no connection's local port can hold it) and free now.
     */
    IPC
    {
        @Override
        String newBindEndpoint()
        {
            while (true)
            {
                final String name = "ringway-contract-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
                final int port = 10_000 + Math.abs(name.hashCode() % 55_536);
                if (port < FIRST_EPHEMERAL_PORT && isFree(port))
                {
                    return "ipc://" + name;
                }
            }
        }
    };

    /** Linux's default {@code net.ipv4.ip_local_port_range} starts here. */
    private static final int FIRST_EPHEMERAL_PORT = 32_768;

    /** @return an endpoint to bind a new link on; the link reports the endpoint actually bound. */
    abstract String newBindEndpoint();

    private static boolean isFree(final int port)
    {
        try (ServerSocket probe = new ServerSocket())
        {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        }
        catch (final IOException inUse)
        {
            return false;
        }
    }
}
