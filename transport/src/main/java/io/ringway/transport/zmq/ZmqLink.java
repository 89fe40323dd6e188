package io.ringway.transport.zmq;

import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.Link;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkRequest;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A link served by JeroMQ: one socket on one thread of its own ({@code ringway-link-<name>}), plus the JeroMQ
 * context's I/O and reaper threads. {@link #open} returns once every endpoint is bound or connecting, so a bind
 * that fails fails the runtime's start, and a bind to port {@code *} shows its port in {@link #endpoints()}.
 * <p>
 * Besides the counters in the counters file, a link shows what its socket monitor saw: connections, ZMTP
 * handshakes, disconnections (a peer leaving, a heartbeat timeout, or a connection closed for bad input), and
 * the frames refused for a size no well-formed frame has.
 * <p>
 * Thread safety: every method from any thread.
 */
public final class ZmqLink implements Link
{
    /** How long {@link #open} waits for the link's thread to bind and connect. */
    static final long START_TIMEOUT_MS = 10_000;
    /** How long close waits beyond the linger bound for the link's thread to end. */
    static final long CLOSE_MARGIN_MS = 5_000;

    private final LinkRequest request;
    private final LinkAgent agent;
    private final LinkThread thread;
    private boolean closed;

    private ZmqLink(final LinkRequest request)
    {
        this.request = request;
        this.agent = new LinkAgent(request);
        this.thread = new LinkThread(agent, idleStrategy(request.idle()), "ringway-link-" + request.name());
    }

    /**
     * @param idle the link's choice ({@code LinkSpec.idle}).
     * @return a new strategy for the link's thread. {@link Idle#BACKOFF} parks at most 250 us, not a dispatcher's
     * 1 ms: the park bound is the latency a quiet link adds to its next message, on each side of the wire.
     */
    static IdleStrategy idleStrategy(final Idle idle)
    {
        return idle == Idle.BACKOFF ? new BackoffIdleStrategy(10, 10, 1_000, 250_000) : idle.newStrategy();
    }

    /**
     * Starts the link's thread and waits until its socket is bound and connecting.
     *
     * @param request what to open.
     * @return the open link.
     * @throws RuntimeException what binding or connecting threw, e.g. an address in use.
     */
    public static ZmqLink open(final LinkRequest request)
    {
        final ZmqLink link = new ZmqLink(request);
        link.thread.start();
        boolean started;
        try
        {
            started = link.agent.started().await(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            started = false;
        }
        if (!started)
        {
            final String where = link.thread.whereNow();
            link.close();
            throw new IllegalStateException("link '" + request.name() + "' did not start within "
                + START_TIMEOUT_MS + " ms; its thread was at:" + where);
        }
        final RuntimeException failure = link.agent.startFailure();
        if (null != failure)
        {
            link.thread.close(CLOSE_MARGIN_MS);
            throw failure;
        }
        return link;
    }

    @Override
    public String name()
    {
        return request.name();
    }

    @Override
    public List<LinkEndpoint> endpoints()
    {
        return agent.endpointsInUse();
    }

    /** @return connections accepted or made so far. */
    public long connections()
    {
        return agent.connections();
    }

    /** @return ZMTP handshakes completed so far. */
    public long handshakes()
    {
        return agent.handshakes();
    }

    /** @return connections ended so far, for any reason. */
    public long disconnects()
    {
        return agent.disconnects();
    }

    /** @return subscriptions received by a publishing link (an XPUB reports each distinct prefix once). */
    public long subscriptions()
    {
        return agent.subscriptions();
    }

    /**
     * @return connections an exclusive (PAIR) link refused because it already had its one peer: shut down at once,
     * so the peer sees a disconnect instead of talking into JeroMQ's void; also counted as errors.
     */
    public long peersRefused()
    {
        return agent.peersRefused();
    }

    /** @return frames refused for a size out of range (the CVE-2019-6250 shape); also counted as errors. */
    public long framesRefused()
    {
        return agent.framesRefused();
    }

    /**
     * @return messages of a routing link refused because no connected peer had their routing id (ZeroMQ's
     * {@code ROUTER_MANDATORY}); also counted as dropped.
     */
    public long unroutable()
    {
        return agent.unroutable();
    }

    /**
     * @return for a CURVE server, connections refused so far: a client key not on the allow-list
     * ({@link #clientsRefused()}), a client without CURVE (closed at its greeting), a failed CURVE handshake. Also
     * in the counters file as {@code link <name>: auth refused}, and counted as errors.
     */
    public long authRefused()
    {
        return agent.authRefused();
    }

    /** @return CURVE clients refused by the allow-list; also counted as errors. */
    public long clientsRefused()
    {
        return agent.clientsRefused();
    }

    @Override
    public long unsent()
    {
        return agent.unsent();
    }

    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final long boundMs = 2L * request.limits().lingerMs() + CLOSE_MARGIN_MS;
        if (!thread.close(boundMs))
        {
            request.errorHandler().onError(new IllegalStateException("link '" + request.name()
                + "' thread did not end within " + boundMs + " ms; it was not interrupted"));
        }
    }

    @Override
    public String toString()
    {
        return "ZmqLink{" + request.name() + ' ' + request.shape() + ' ' + endpoints() + '}';
    }
}
