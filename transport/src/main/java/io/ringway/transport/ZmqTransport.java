package io.ringway.transport;

import io.ringway.runtime.endpoint.Endpoint;
import io.ringway.runtime.endpoint.Link;
import io.ringway.runtime.endpoint.LinkRequest;
import io.ringway.runtime.endpoint.TransportProvider;
import io.ringway.transport.zmq.ZmqLink;

import java.util.Set;

/**
 * Serves {@code tcp://} and {@code ipc://} with JeroMQ 0.6.0, registered with {@link java.util.ServiceLoader}.
 * The wire format of each link shape is in {@code docs/WIRE.md}.
 * <p>
 * {@code ipc://name} in JeroMQ 0.6.0 is TCP on the loopback interface at a port hashed from the name: it links
 * JeroMQ peers only, never libzmq's Unix-domain {@code ipc://}.
 * <p>
 * Thread safety: stateless; {@link #open} from any thread.
 */
public final class ZmqTransport implements TransportProvider
{
    @Override
    public Set<String> schemes()
    {
        return Set.of(Endpoint.TCP, Endpoint.IPC);
    }

    @Override
    public Link open(final LinkRequest request)
    {
        return ZmqLink.open(request);
    }
}
