package io.ringway.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random {@code ipc://} names for tests that bind them. JeroMQ 0.6.0 binds {@code ipc://name} as TCP on the
 * loopback interface at port {@code 10000 + |hash(name)| mod 55536} (docs/WIRE.md), so a name drawn at random can
 * land on a port in use: the suites saw "Address already in use" about once a run. A name is taken only if its
 * port is below the kernel's ephemeral range (no connection's local port can hold it) and free now.
 */
public final class IpcNames
{
    /** Linux's default {@code net.ipv4.ip_local_port_range} starts here. */
    private static final int FIRST_EPHEMERAL_PORT = 32_768;

    private IpcNames()
    {
    }

    /**
     * @param prefix starts the name, to tell the tests' endpoints apart.
     * @return the name, without {@code ipc://}, whose port is free at the time of the call.
     */
    public static String freeName(final String prefix)
    {
        while (true)
        {
            final String name = prefix + ThreadLocalRandom.current().nextInt(1_000_000_000);
            final int port = port(name);
            if (port < FIRST_EPHEMERAL_PORT && isFree(port))
            {
                return name;
            }
        }
    }

    /** @return the loopback TCP port JeroMQ 0.6.0 binds for {@code ipc://name}. */
    public static int port(final String name)
    {
        return 10_000 + Math.abs(name.hashCode() % 55_536);
    }

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
