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
    /**
     * @param endpoint a {@code tcp://} or {@code ipc://} endpoint to listen at, e.g. {@code tcp://127.0.0.1:5556}.
     * @return the endpoint, bound.
     * @throws io.ringway.runtime.errors.ConfigurationException if the text is not an endpoint.
     */
    public static LinkEndpoint bind(final String endpoint)
    {
        return new LinkEndpoint(LinkDirection.BIND, Endpoint.parse(endpoint));
    }

    /**
     * @param endpoint a {@code tcp://} or {@code ipc://} endpoint to connect to, reconnecting as needed.
     * @return the endpoint, connected.
     * @throws io.ringway.runtime.errors.ConfigurationException if the text is not an endpoint.
     */
    public static LinkEndpoint connect(final String endpoint)
    {
        return new LinkEndpoint(LinkDirection.CONNECT, Endpoint.parse(endpoint));
    }

    @Override
    public String toString()
    {
        return (direction == LinkDirection.BIND ? "bind " : "connect ") + endpoint;
    }
}
