package io.ringway.transport.zmq;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSource;
import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZError;
import zmq.ZMQ;
import zmq.io.Metadata;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A router's side of router/dealer on a ROUTER socket with {@code ROUTER_MANDATORY}, serving plain DEALER peers.
 * <pre>
 *   in:  [routing id][body] --&gt; target: topic = routing id, body; sender = the link's port
 *   out: port: topic = routing id, body --&gt; [routing id][body] to that peer only, or refused and counted
 *        peer left (monitor) --&gt; target: type PEER_LEFT_TYPE, topic = its routing id, after its last message
 * </pre>
 * A message for a routing id no connected peer has is refused by the ROUTER ({@code EHOSTUNREACH}), counted as
 * dropped and as {@link #unroutable()}; never dropped silently. A message in of more than two frames is dropped
 * and counted as an error.
 * <p>
 * Departures: the monitor names a connection that closed by its peer address; the routing id of each connection
 * is learned from its first message (JeroMQ stamps all messages of a connection with one metadata object, so
 * this is a reference compare per message). A departure is handled only once the socket reads empty, so that the
 * notice follows what the peer sent before it left: JeroMQ's I/O thread queues those messages before it reports
 * the disconnect, though it may flush the last of them just after. A message that still comes from a departed
 * connection (that window) is delivered and followed by a second notice, so the router always ends up knowing
 * the peer has gone.
 * <p>
 * Thread safety: the link's thread only, except {@link #unroutable()}. Allocates per connection (its routing
 * id and address) and, as JeroMQ needs, one frame object and array per frame sent.
 */
final class RoutePath implements WirePath, EventPoller.Handler<MessageSlot>, InboundPump.Messages
{
    /** Departed connections remembered, to tell a late message from a new peer. */
    private static final int RECENTLY_DEPARTED = 16;

    private final SocketBase socket;
    private final MessageSink target;
    private final int portId;
    private final LinkSource port;
    private final MessageCounters counters;
    private final ErrorHandler errorHandler;
    private final String linkName;
    private final int batchLimit;
    private final BadConnections badConnections;
    private final InboundPump inbound;
    private final SlotClaim claim = new SlotClaim();
    private final Map<Metadata, byte[]> routingIdByConnection = new IdentityHashMap<>();
    private final Map<String, Metadata> connectionByAddress = new HashMap<>();
    private final ArrayDeque<String> disconnected = new ArrayDeque<>();
    private final ArrayDeque<byte[]> departed = new ArrayDeque<>();
    private final Metadata[] recentlyDeparted = new Metadata[RECENTLY_DEPARTED];
    private final byte[][] recentlyDepartedIds = new byte[RECENTLY_DEPARTED][];
    private int nextDeparted;
    private Metadata lastConnection;
    private boolean socketEmpty;
    private Msg inId;
    private Msg inBody;
    private Msg outId;
    private Msg outBody;
    private volatile long unroutable;

    RoutePath(
        final SocketBase socket,
        final MessageSink target,
        final int portId,
        final LinkSource port,
        final MessageCounters counters,
        final ErrorHandler errorHandler,
        final String linkName,
        final int batchLimit,
        final BadConnections badConnections)
    {
        this.socket = socket;
        this.target = target;
        this.portId = portId;
        this.port = port;
        this.counters = counters;
        this.errorHandler = errorHandler;
        this.linkName = linkName;
        this.batchLimit = batchLimit;
        this.badConnections = badConnections;
        this.inbound = new InboundPump(this, counters, batchLimit);
    }

    @Override
    public int pump()
    {
        return inbound() + outbound();
    }

    /**
     * A connection closed: the peer at that address, if it sent anything, is announced as gone once the socket
     * has been read empty.
     *
     * @param peerAddress as in JeroMQ's message metadata ({@link Metadata#PEER_ADDRESS}).
     */
    void onDisconnected(final String peerAddress)
    {
        disconnected.add(peerAddress);
    }

    /** Runs when the socket reads empty: what the departed peers sent has been read. */
    private void resolveDepartures()
    {
        String address;
        while (null != (address = disconnected.poll()))
        {
            final Metadata connection = connectionByAddress.remove(address);
            if (null != connection)
            {
                final byte[] routingId = routingIdByConnection.remove(connection);
                recentlyDeparted[nextDeparted] = connection;
                recentlyDepartedIds[nextDeparted] = routingId;
                nextDeparted = (nextDeparted + 1) % RECENTLY_DEPARTED;
                departed.add(routingId);
                if (lastConnection == connection)
                {
                    lastConnection = null;
                }
            }
        }
    }

    private int inbound()
    {
        socketEmpty = false;
        int work = inbound.pump();
        if (socketEmpty)
        {
            resolveDepartures();
            work += announceDepartures();
        }
        return work;
    }

    @Override
    public int read()
    {
        final Msg id = socket.recv(ZMQ.ZMQ_DONTWAIT);
        if (null == id)
        {
            socketEmpty = true;
            return InboundPump.EMPTY;
        }
        final Msg body = id.hasMore() ? socket.recv(ZMQ.ZMQ_DONTWAIT) : null;
        // A ROUTER's routing id frame carries no metadata: the connection is known by the body's.
        if (badConnections.refuses(id, id) || (null != body && badConnections.refuses(body, body)))
        {
            badConnections.discardRest(null == body ? id : body);
            return InboundPump.SKIPPED;
        }
        if (null == body || body.hasMore())
        {
            badConnections.discardRest(body);
            counters.onError();
            return InboundPump.SKIPPED;
        }
        remember(id, body);
        inId = id;
        inBody = body;
        return InboundPump.READ;
    }

    /**
     * Learns the routing id of a connection from its first message; a reference compare after that. A message from
     * a connection that has already departed is announced again after it.
     */
    private void remember(final Msg id, final Msg body)
    {
        final Metadata connection = body.getMetadata();
        if (null == connection || connection == lastConnection)
        {
            return;
        }
        lastConnection = connection;
        if (routingIdByConnection.containsKey(connection))
        {
            return;
        }
        for (int i = 0; i < RECENTLY_DEPARTED; i++)
        {
            if (recentlyDeparted[i] == connection)
            {
                departed.add(recentlyDepartedIds[i]);
                lastConnection = null;
                return;
            }
        }
        final String address = connection.get(Metadata.PEER_ADDRESS);
        if (null != address)
        {
            routingIdByConnection.put(connection, id.data().clone());
            connectionByAddress.put(address, connection);
        }
    }

    private int announceDepartures()
    {
        int work = 0;
        byte[] routingId;
        while (null != (routingId = departed.peek()))
        {
            final long result = target.tryClaim(portId, routingId.length, claim);
            if (result == SendResult.BACK_PRESSURED)
            {
                break;
            }
            departed.poll();
            work++;
            if (result >= 0)
            {
                claim.buffer().putBytes(0, routingId);
                claim.messageType(LinkShape.PEER_LEFT_TYPE).topicLength(routingId.length);
                claim.commit();
            }
        }
        return work;
    }

    @Override
    public long deliver()
    {
        final Msg id = inId;
        final Msg body = inBody;
        final long result = target.tryClaim(portId, id.size() + body.size(), claim);
        if (result < 0)
        {
            return result;
        }
        final MutableDirectBuffer buffer = claim.buffer();
        buffer.putBytes(0, id.data(), 0, id.size());
        buffer.putBytes(id.size(), body.data(), 0, body.size());
        claim.topicLength(id.size());
        claim.commit();
        return result;
    }

    @Override
    public void release()
    {
        inId = null;
        inBody = null;
    }

    private int outbound()
    {
        if (null != outBody)
        {
            if (!sendHeld())
            {
                return 0;
            }
            return 1 + port.poll(this, batchLimit);
        }
        return port.poll(this, batchLimit);
    }

    @Override
    public boolean onEvent(final MessageSlot slot, final long sequence, final boolean endOfBatch)
    {
        final int idLength = slot.topicLength();
        if (0 == idLength)
        {
            refuseUnroutable();
            return true;
        }
        final UnsafeBuffer buffer = slot.buffer();
        final byte[] id = new byte[idLength];
        buffer.getBytes(0, id, 0, idLength);
        final byte[] body = new byte[slot.length() - idLength];
        buffer.getBytes(idLength, body, 0, body.length);
        outId = new Msg(id);
        outBody = new Msg(body);
        return sendHeld();
    }

    /**
     * @return true if the held message went, or was refused for good and counted; false if it waits for room.
     */
    private boolean sendHeld()
    {
        if (null != outId)
        {
            if (!socket.send(outId, ZMQ.ZMQ_SNDMORE | ZMQ.ZMQ_DONTWAIT))
            {
                final int errno = socket.errno();
                if (errno == ZError.EAGAIN)
                {
                    return false;
                }
                outId = null;
                outBody = null;
                if (errno == ZError.EHOSTUNREACH)
                {
                    refuseUnroutable();
                }
                else
                {
                    failed(errno);
                }
                return true;
            }
            outId = null;
        }
        // Once the routing id is in, the peer's pipe takes the body: the high-water mark counts messages.
        final boolean sent = socket.send(outBody, ZMQ.ZMQ_DONTWAIT);
        outBody = null;
        if (sent)
        {
            counters.onSent();
        }
        else
        {
            failed(socket.errno());
        }
        return true;
    }

    private void refuseUnroutable()
    {
        unroutable++;
        counters.onDropped(1);
    }

    private void failed(final int errno)
    {
        errorHandler.onError(new IllegalStateException(
            "link '" + linkName + "': send failed, errno " + errno + "; message dropped"));
        counters.onError();
        counters.onDropped(1);
    }

    /** @return messages refused because no connected peer had their routing id. Any thread. */
    long unroutable()
    {
        return unroutable;
    }

    @Override
    public boolean isIdle()
    {
        return null == outBody && port.backlog() == 0;
    }

    @Override
    public int dropHeld()
    {
        int dropped = 0;
        if (null != outBody)
        {
            outId = null;
            outBody = null;
            counters.onDropped(1);
            dropped++;
        }
        return dropped + inbound.dropHeld();
    }
}
