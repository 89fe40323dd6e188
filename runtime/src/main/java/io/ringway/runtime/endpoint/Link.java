package io.ringway.runtime.endpoint;

/**
 * An open link between a local actor and a remote endpoint, owned by the runtime that opened it.
 */
public interface Link extends AutoCloseable
{
    /** @return the endpoint this link serves. */
    Endpoint endpoint();

    /** Closes the link, sending what it can within its linger bound and reporting what it could not. */
    @Override
    void close();
}
