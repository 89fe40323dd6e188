package io.ringway.runtime.endpoint;

import java.util.List;

/**
 * An open link between the runtime and remote peers, owned by the runtime that opened it.
 * <p>
 * Thread safety: every method from any thread; {@link #close()} is idempotent.
 */
public interface Link extends AutoCloseable
{
    /** @return the link's name. */
    String name();

    /**
     * @return the endpoints as they are in use: a bind to port {@code *} shows the port it got.
     */
    List<LinkEndpoint> endpoints();

    /**
     * @return after {@link #close()}, messages the link had taken from its source (or from the wire) and could
     * neither send nor deliver; they are also counted as dropped on the link's counters. 0 while open.
     */
    default long unsent()
    {
        return 0;
    }

    /**
     * Stops taking messages, sends what it can within its linger bound, and counts what it could not send as
     * dropped on the link's counters.
     */
    @Override
    void close();
}
