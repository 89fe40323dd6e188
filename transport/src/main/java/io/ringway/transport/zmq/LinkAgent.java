package io.ringway.transport.zmq;

import io.ringway.runtime.endpoint.LinkDirection;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkRequest;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.Endpoint;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.io.Metadata;
import zmq.io.net.Address;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The duty cycle of one link, on its one thread: it creates the JeroMQ context and socket there, binds and
 * connects, moves messages both ways, watches the socket's monitor, and closes everything there.
 * <pre>
 *   port / ring reader --poll--&gt; OutboundPath --send(DONTWAIT)--&gt; socket --&gt; JeroMQ I/O thread --&gt; peers
 *   mailbox / ring &lt;--tryClaim+copy-- InboundPath &lt;--recv(DONTWAIT)-- socket &lt;-- JeroMQ I/O thread &lt;-- peers
 * </pre>
 * Thread safety: {@link #onStart()}, {@link #doWork()} and {@link #onClose()} on the link's thread; the status
 * getters from any thread.
 */
final class LinkAgent
{
    private static final int BATCH_LIMIT = 256;
    private static final int MONITOR_EVENTS = ZMQ.EVENT_ACCEPTED | ZMQ.EVENT_CONNECTED | ZMQ.EVENT_DISCONNECTED
        | ZMQ.EVENT_HANDSHAKE_PROTOCOL | ZMQ.HANDSHAKE_FAILED_PROTOCOL;
    private static final AtomicInteger MONITOR_IDS = new AtomicInteger();

    private final LinkRequest request;
    private final MessageCounters counters;
    private final BoundedMsgAllocator allocator;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicLong ioErrors = new AtomicLong();
    private final List<LinkEndpoint> endpointsInUse = new ArrayList<>();
    private final Map<String, SocketChannel> channels = new HashMap<>();
    private final Set<String> condemned = new HashSet<>();
    private final PeerReadiness readiness = new PeerReadiness();
    private final GreetingRefusals greetingRefusals = new GreetingRefusals();
    private final AtomicCounter authRefused;
    private volatile RuntimeException startFailure;
    private volatile long connections;
    private volatile long handshakes;
    private volatile long disconnects;
    private volatile long peersRefused;
    private volatile long subscriptions;
    private volatile long unsent;
    private long foldedErrors;
    private ZMQ.Context context;
    private ZMQ.Socket socket;
    private ZMQ.Socket monitor;
    private ZapHandler zap;
    private WirePath[] paths = new WirePath[0];
    private RoutePath routePath;

    LinkAgent(final LinkRequest request)
    {
        this.request = request;
        this.counters = request.counters();
        this.allocator = new BoundedMsgAllocator(LinkSockets.frameLimit(request));
        this.authRefused = request.authRefused();
    }

    /**
     * @return true if the socket is bound and connected; false if start failed (see {@link #startFailure()}).
     */
    boolean onStart()
    {
        try
        {
            context = ZMQ.context(1);
            context.setNotificationExceptionHandler((thread, ex) -> onIoThreadError(ex));
            if (null != request.security() && request.security().isServer())
            {
                zap = new ZapHandler(context, request.security().allowedClientKeys(), counters, authRefused);
            }
            socket = context.socket(LinkSockets.socketType(request.shape()));
            LinkSockets.configure(socket, request, allocator);
            final String monitorAddress = "inproc://ringway-monitor-" + MONITOR_IDS.incrementAndGet();
            socket.monitor(monitorAddress, MONITOR_EVENTS);
            monitor = context.socket(org.zeromq.SocketType.PAIR);
            monitor.connect(monitorAddress);
            for (final LinkEndpoint endpoint : request.endpoints())
            {
                open(endpoint);
            }
            paths = newPaths(new BadConnections(socket.base(), counters, this::closeConnection));
            return true;
        }
        catch (final RuntimeException ex)
        {
            startFailure = ex;
            closeSockets(0);
            return false;
        }
        finally
        {
            started.countDown();
        }
    }

    private WirePath[] newPaths(final BadConnections badConnections)
    {
        final zmq.SocketBase base = socket.base();
        final LinkShape shape = request.shape();
        if (shape == LinkShape.REPLY)
        {
            return new WirePath[] { new ReplyPath(base, request.inbound(), request.inboundSenderId(),
                request.outbound(), counters, request.errorHandler(), request.name(),
                request.limits().highWaterMark(), BATCH_LIMIT, badConnections) };
        }
        if (shape == LinkShape.ROUTE)
        {
            routePath = new RoutePath(base, request.inbound(), request.inboundSenderId(), request.outbound(), counters,
                request.errorHandler(), request.name(), BATCH_LIMIT, badConnections);
            return new WirePath[] { routePath };
        }
        if (shape == LinkShape.REQUEST)
        {
            return new WirePath[] { new RequestPath(base, request.directory(), request.inboundSenderId(),
                request.outbound(), counters, request.errorHandler(), request.name(), BATCH_LIMIT, badConnections) };
        }
        final List<WirePath> paths = new ArrayList<>(2);
        if (shape.inbound())
        {
            paths.add(new InboundPath(base, request.inbound(),
                InboundFrames.of(request.inboundTopic(), shape == LinkShape.SUBSCRIBE), request.inboundSenderId(),
                counters, BATCH_LIMIT, badConnections));
        }
        if (shape.outbound())
        {
            paths.add(new OutboundPath(base, request.outbound(), shape == LinkShape.PUBLISH, counters,
                request.errorHandler(), request.name(), BATCH_LIMIT, shape == LinkShape.PUBLISH ? null : readiness));
        }
        return paths.toArray(new WirePath[0]);
    }

    private void open(final LinkEndpoint endpoint)
    {
        final Endpoint address = endpoint.endpoint();
        if (endpoint.direction() == LinkDirection.BIND)
        {
            LinkSockets.requireNamedInterface(request.name(), address);
            try
            {
                if (!socket.bind(address.toString()))
                {
                    throw new IllegalStateException("link '" + request.name() + "': cannot bind " + address);
                }
            }
            catch (final ZMQException ex)
            {
                throw new IllegalStateException("link '" + request.name() + "': cannot bind " + address + ": "
                    + ZMQ.Error.findByCode(ex.getErrorCode()).getMessage(), ex);
            }
            endpointsInUse.add(new LinkEndpoint(LinkDirection.BIND, Endpoint.parse(socket.getLastEndpoint())));
        }
        else
        {
            if (!socket.connect(address.toString()))
            {
                throw new IllegalStateException("link '" + request.name() + "': cannot connect to " + address);
            }
            endpointsInUse.add(endpoint);
        }
    }

    int doWork()
    {
        int work = pollMonitor();
        // A condemned connection's accept was on the monitor before its bad frame reached us, so that poll has
        // closed it (remember); an address still here belonged to a connection already gone.
        condemned.clear();
        if (null != zap)
        {
            work += zap.poll();
        }
        final WirePath[] paths = this.paths;
        for (int i = 0; i < paths.length; i++)
        {
            work += paths[i].pump();
        }
        if (request.shape() == LinkShape.PUBLISH)
        {
            work += readSubscriptions();
        }
        foldIoErrors();
        return work;
    }

    /** An XPUB hands its peers' (un)subscriptions to the application: read them so they do not pile up. */
    private int readSubscriptions()
    {
        int work = 0;
        zmq.Msg message;
        while (null != (message = socket.base().recv(ZMQ.DONTWAIT)))
        {
            if (message.size() > 0 && message.get(0) == 1)
            {
                subscriptions++;
            }
            work++;
        }
        return work;
    }

    private int pollMonitor()
    {
        int work = 0;
        ZMQ.Event event;
        while (null != (event = ZMQ.Event.recv(monitor, ZMQ.DONTWAIT)))
        {
            switch (event.getEvent())
            {
                case ZMQ.EVENT_ACCEPTED:
                    connections++;
                    readiness.onConnected();
                    final Object accepted = event.resolveValue();
                    if (!refusedAsSecondPeer(accepted))
                    {
                        // left out for a refused one: its close is not a refusal at the greeting
                        greetingRefusals.onConnected();
                        remember(accepted);
                    }
                    break;
                case ZMQ.EVENT_CONNECTED:
                    connections++;
                    readiness.onConnected();
                    greetingRefusals.onConnected();
                    remember(event.resolveValue());
                    break;
                case ZMQ.EVENT_HANDSHAKE_PROTOCOL:
                    handshakes++;
                    readiness.onHandshaken();
                    greetingRefusals.onGreeted();
                    break;
                case ZMQ.EVENT_DISCONNECTED:
                    disconnects++;
                    readiness.onDisconnected();
                    if (greetingRefusals.onDisconnected())
                    {
                        onAuthRefused();
                    }
                    forget(event.<Object>resolveValue());
                    break;
                case ZMQ.HANDSHAKE_FAILED_PROTOCOL:
                    // UNSPECIFIED is what JeroMQ reports when a peer it has already refused keeps talking.
                    if (!(event.getValue() instanceof Number)
                        || ((Number)event.getValue()).intValue() != zmq.ZMQ.ZMQ_PROTOCOL_ERROR_ZMTP_UNSPECIFIED)
                    {
                        onAuthRefused();
                    }
                    break;
                default:
                    break;
            }
            work++;
        }
        return work;
    }

    /** On a CURVE server: a connection refused at its greeting or in its CURVE handshake. */
    private void onAuthRefused()
    {
        if (null != authRefused)
        {
            counters.onError();
            authRefused.increment();
        }
    }

    /**
     * An exclusive link has one peer. JeroMQ's PAIR attaches the first connection's pipe and terminates a later
     * one's, but keeps that connection open and throws away what its peer sends, unreported: a second peer would
     * think it was heard. So a connection accepted while another is open is shut down, as a bad connection is,
     * and counted ({@link #peersRefused()}, and as an error); its peer sees the disconnect. A peer that reconnects
     * before the close of its old connection has been seen here is refused once, and gets in on its next try.
     *
     * @return true if the connection was refused.
     */
    private boolean refusedAsSecondPeer(final Object channel)
    {
        if (request.shape() != LinkShape.EXCLUSIVE || channels.isEmpty() || !(channel instanceof SocketChannel))
        {
            return false;
        }
        peersRefused++;
        counters.onError();
        shutDown((SocketChannel)channel);
        return true;
    }

    /** Keeps each connection's channel by its peer address, the key JeroMQ puts in every message's metadata. */
    private void remember(final Object channel)
    {
        if (channel instanceof SocketChannel)
        {
            final String address = peerAddress((SocketChannel)channel);
            if (condemned.remove(address))
            {
                shutDown((SocketChannel)channel);
            }
            else if (null != address)
            {
                channels.put(address, (SocketChannel)channel);
            }
        }
    }

    /** A connection closed: drops its channel and tells a routing path which peer left. */
    private void forget(final Object channel)
    {
        channels.values().remove(channel);
        if (null != routePath && channel instanceof SocketChannel)
        {
            final String address = peerAddress((SocketChannel)channel);
            if (null != address)
            {
                routePath.onDisconnected(address);
            }
        }
    }

    /**
     * @return the peer address as JeroMQ writes it in message metadata ({@code host:port}), or null. The socket
     * keeps the address it was connected to after it closes, so this works for a connection already gone.
     */
    private static String peerAddress(final SocketChannel channel)
    {
        try
        {
            final SocketAddress remote = channel.socket().getRemoteSocketAddress();
            return null == remote ? null : new Address(remote).address();
        }
        catch (final RuntimeException ex)
        {
            return null; // not an IP socket
        }
    }

    /**
     * Ends, from this thread, the connection a refused frame came from: JeroMQ has no call to drop one peer of
     * a bound socket, so its channel is shut down under it; the I/O thread then reads end-of-stream and tears the
     * connection down as for any peer that left, closing the channel itself.
     * <p>
     * Shut down, not closed: closing a channel cancels its selection key, so JeroMQ's I/O thread is never woken
     * for it and keeps that connection's engine, session and pipe for good, with no disconnect reported (found by
     * {@code InboundFuzzTest}).
     */
    private void closeConnection(final Metadata connection)
    {
        final String address = connection.get(Metadata.PEER_ADDRESS);
        final SocketChannel channel = channels.remove(address);
        if (null != channel)
        {
            shutDown(channel);
        }
        else if (null != address)
        {
            // Its frame can overtake its accept: the I/O thread announced the accept on the monitor after this
            // duty cycle polled it. The next poll closes it (found by MalformedInputTest under load).
            condemned.add(address);
        }
    }

    private void shutDown(final SocketChannel channel)
    {
        try
        {
            channel.shutdownInput();
            channel.shutdownOutput();
        }
        catch (final IOException ex)
        {
            request.errorHandler().onError(ex);
        }
    }

    private void onIoThreadError(final Throwable ex)
    {
        request.errorHandler().onError(ex);
        ioErrors.incrementAndGet();
    }

    /**
     * Errors seen on JeroMQ's I/O thread are counted here, on the counters' owner thread: its exceptions, and the
     * frames its allocator refused. A refused frame is counted when refused, not when its marker reaches this
     * thread: a peer that hangs up right after the frame takes the marker with its connection (found by
     * {@code InboundFuzzTest}).
     */
    private void foldIoErrors()
    {
        final long errors = ioErrors.get() + allocator.refused();
        while (foldedErrors < errors)
        {
            counters.onError();
            foldedErrors++;
        }
    }

    /**
     * Sends what is held and what the source still has while peers take it, up to the linger bound; drops and
     * counts what is held after it; then closes the sockets, giving JeroMQ what is left of the bound.
     */
    void onClose()
    {
        final long deadlineNs = System.nanoTime() + request.limits().lingerMs() * 1_000_000L;
        final IdleStrategy idle = new BackoffIdleStrategy(1, 1, 1_000, 1_000_000);
        while (!allIdle() && deadlineNs - System.nanoTime() > 0)
        {
            int work = 0;
            for (final WirePath path : paths)
            {
                work += path.pump();
            }
            idle.idle(work);
        }
        long dropped = 0;
        for (final WirePath path : paths)
        {
            dropped += path.dropHeld();
        }
        pollMonitor();
        foldIoErrors();
        unsent = dropped;
        closeSockets((int)Math.max(0, (deadlineNs - System.nanoTime()) / 1_000_000L));
    }

    private boolean allIdle()
    {
        for (final WirePath path : paths)
        {
            if (!path.isIdle())
            {
                return false;
            }
        }
        return true;
    }

    private void closeSockets(final int lingerMs)
    {
        if (null != socket)
        {
            socket.setLinger(lingerMs);
            socket.close();
        }
        if (null != monitor)
        {
            monitor.setLinger(0);
            monitor.close();
        }
        if (null != zap)
        {
            zap.close();
        }
        if (null != context)
        {
            context.term();
        }
    }

    CountDownLatch started()
    {
        return started;
    }

    RuntimeException startFailure()
    {
        return startFailure;
    }

    List<LinkEndpoint> endpointsInUse()
    {
        return List.copyOf(endpointsInUse);
    }

    long connections()
    {
        return connections;
    }

    long handshakes()
    {
        return handshakes;
    }

    long disconnects()
    {
        return disconnects;
    }

    long subscriptions()
    {
        return subscriptions;
    }

    long authRefused()
    {
        return null == authRefused ? 0 : authRefused.get();
    }

    long clientsRefused()
    {
        final ZapHandler zap = this.zap;
        return null == zap ? 0 : zap.refused();
    }

    long unroutable()
    {
        final RoutePath routePath = this.routePath;
        return null == routePath ? 0 : routePath.unroutable();
    }

    long peersRefused()
    {
        return peersRefused;
    }

    long framesRefused()
    {
        return allocator.refused();
    }

    long unsent()
    {
        return unsent;
    }
}
