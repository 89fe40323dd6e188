package io.ringway.runtime.endpoint;

/**
 * Which side of a link opens the connection, as with ZeroMQ's {@code bind} and {@code connect}.
 */
public enum LinkDirection
{
    /** Listen at the endpoint; peers connect. */
    BIND,
    /** Connect to a peer listening at the endpoint, reconnecting as needed. */
    CONNECT
}
