package io.ringway.runtime.endpoint;

/**
 * One endpoint of a link and which side opens the connection. A link may have several, mixing binds and
 * connects, as one ZeroMQ socket may.
 *
 * @param direction bind or connect.
 * @param endpoint  a {@code tcp://} or {@code ipc://} endpoint.
 */
public record LinkEndpoint(LinkDirection direction, Endpoint endpoint)
{
    @Override
    public String toString()
    {
        return (direction == LinkDirection.BIND ? "bind " : "connect ") + endpoint;
    }
}
