package io.ringway.runtime.endpoint;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transport registered through {@code META-INF/services} in the test class path, serving {@code ipc} only, so
 * that tests can see the runtime find it with ServiceLoader, open its links and close them.
 */
public final class RecordingIpcTransport implements TransportProvider
{
    /** Every link opened, in order. */
    public static final List<RecordedLink> OPENED = new CopyOnWriteArrayList<>();

    @Override
    public Set<String> schemes()
    {
        return Set.of(Endpoint.IPC);
    }

    @Override
    public Link open(final LinkRequest request)
    {
        final RecordedLink link = new RecordedLink(request);
        OPENED.add(link);
        return link;
    }

    /** A link that remembers its request and whether it was closed. */
    public static final class RecordedLink implements Link
    {
        /** What the runtime asked for. */
        public final LinkRequest request;
        /** Set by {@link #close()}. */
        public volatile boolean closed;

        RecordedLink(final LinkRequest request)
        {
            this.request = request;
        }

        @Override
        public String name()
        {
            return request.name();
        }

        @Override
        public List<LinkEndpoint> endpoints()
        {
            return request.endpoints();
        }

        @Override
        public void close()
        {
            closed = true;
        }
    }
}
