package io.ringway.runtime.endpoint;

import java.util.Set;

/**
 * The transport SPI: a module that serves remote endpoint schemes registers an implementation in
 * {@code META-INF/services/io.ringway.runtime.endpoint.TransportProvider}, and {@link Transports} finds it with
 * {@link java.util.ServiceLoader}. The runtime itself serves {@code inproc}.
 * <p>
 * Thread safety: {@link #open} is called from the thread that starts the runtime.
 */
public interface TransportProvider
{
    /** @return the schemes served, e.g. {@code tcp} and {@code ipc}. */
    Set<String> schemes();

    /**
     * Opens a link. The transport owns any threads and sockets it needs, until the link is closed.
     *
     * @param request what to open.
     * @return the open link.
     */
    Link open(LinkRequest request);
}
