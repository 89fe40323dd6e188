package io.ringway.transport.zmq;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.actor.ActorDirectory;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.endpoint.LinkSource;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.UnsafeBuffer;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZError;
import zmq.ZMQ;

import java.nio.ByteBuffer;

/**
 * A requester's side of correlate-reply on a DEALER socket (RFC 28), calling REP or ROUTER servers: requests go
 * to the connected servers in turn, and each reply goes back to the address that sent its request.
 * <pre>
 *   out: port: request (sender, type, correlation id, body) --&gt; [ringway envelope][empty][body]
 *   in:  [ringway envelope][empty][body] --&gt; the sender's address: body, same type and correlation id,
 *                                                 sender = the link's port
 *
 *   ringway envelope, 16 bytes, big-endian:  sender id (int) | message type (int) | correlation id (long)
 * </pre>
 * A REP server echoes the envelope frames before the delimiter without reading them, as RFC 28 asks, so the
 * envelope needs nothing of the server. A reply that is not {@code [16 bytes][empty][body]}, or names no address,
 * is dropped and counted.
 * <p>
 * Thread safety: the link's thread only. Allocates the three frames of each request, as JeroMQ needs.
 */
final class RequestPath implements WirePath, EventPoller.Handler<MessageSlot>, InboundPump.Messages
{
    /** Bytes in the envelope frame Ringway puts before the delimiter. */
    static final int ENVELOPE_LENGTH = 16;

    private final SocketBase socket;
    private final ActorDirectory directory;
    private final int portId;
    private final LinkSource port;
    private final MessageCounters counters;
    private final ErrorHandler errorHandler;
    private final String linkName;
    private final int batchLimit;
    private final BadConnections badConnections;
    private final InboundPump replies;
    private final SlotClaim claim = new SlotClaim();
    private final Msg[] request = new Msg[3];
    private int requestFrame = request.length;
    private final Msg[] reply = new Msg[3];

    RequestPath(
        final SocketBase socket,
        final ActorDirectory directory,
        final int portId,
        final LinkSource port,
        final MessageCounters counters,
        final ErrorHandler errorHandler,
        final String linkName,
        final int batchLimit,
        final BadConnections badConnections)
    {
        this.socket = socket;
        this.directory = directory;
        this.portId = portId;
        this.port = port;
        this.counters = counters;
        this.errorHandler = errorHandler;
        this.linkName = linkName;
        this.batchLimit = batchLimit;
        this.badConnections = badConnections;
        this.replies = new InboundPump(this, counters, batchLimit);
    }

    @Override
    public int pump()
    {
        return replies.pump() + requests();
    }

    private int requests()
    {
        if (requestFrame < request.length)
        {
            if (!sendRequest())
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
        final ByteBuffer envelope = ByteBuffer.allocate(ENVELOPE_LENGTH);
        envelope.putInt(0, slot.senderId()).putInt(4, slot.messageType()).putLong(8, slot.correlationId());
        final UnsafeBuffer buffer = slot.buffer();
        final byte[] body = new byte[slot.length() - slot.topicLength()];
        buffer.getBytes(slot.topicLength(), body, 0, body.length);
        request[0] = new Msg(envelope.array());
        request[1] = new Msg();
        request[2] = new Msg(body);
        requestFrame = 0;
        return sendRequest();
    }

    /** @return true if the request went (or failed for good, counted), false if it waits for a server. */
    private boolean sendRequest()
    {
        while (requestFrame < request.length)
        {
            final int flags = requestFrame < request.length - 1 ? ZMQ.ZMQ_SNDMORE | ZMQ.ZMQ_DONTWAIT : ZMQ.ZMQ_DONTWAIT;
            if (!socket.send(request[requestFrame], flags))
            {
                if (socket.errno() == ZError.EAGAIN && 0 == requestFrame)
                {
                    return false;
                }
                errorHandler.onError(new IllegalStateException(
                    "link '" + linkName + "': request failed, errno " + socket.errno() + "; request dropped"));
                counters.onError();
                finishRequest(false);
                return true;
            }
            requestFrame++;
        }
        finishRequest(true);
        return true;
    }

    private void finishRequest(final boolean sent)
    {
        requestFrame = request.length;
        request[0] = null;
        request[1] = null;
        request[2] = null;
        if (sent)
        {
            counters.onSent();
        }
        else
        {
            counters.onDropped(1);
        }
    }

    /**
     * Reads the next well-formed reply into {@link #reply}; malformed ones are dropped and counted on the way,
     * without counting against the batch.
     *
     * @return {@link InboundPump#READ}, or {@link InboundPump#EMPTY} when there is nothing to read.
     */
    @Override
    public int read()
    {
        while (true)
        {
            final Msg first = socket.recv(ZMQ.ZMQ_DONTWAIT);
            if (null == first)
            {
                return InboundPump.EMPTY;
            }
            int count = 0;
            Msg frame = first;
            boolean wellFormed = !badConnections.refuses(first, first);
            if (wellFormed)
            {
                reply[count++] = first;
                while (frame.hasMore())
                {
                    frame = socket.recv(ZMQ.ZMQ_DONTWAIT);
                    if (count == reply.length || badConnections.refuses(frame, first))
                    {
                        wellFormed = false;
                        break;
                    }
                    reply[count++] = frame;
                }
            }
            if (wellFormed && 3 == count && reply[0].size() == ENVELOPE_LENGTH && reply[1].size() == 0)
            {
                return InboundPump.READ;
            }
            badConnections.discardRest(frame);
            counters.onError();
            release();
        }
    }

    /**
     * Offers the reply in {@link #reply} to the address its envelope names.
     *
     * @return the address's code; {@code NOT_CONNECTED} when the envelope names no address.
     */
    @Override
    public long deliver()
    {
        final Msg envelope = reply[0];
        final Msg body = reply[2];
        final ActorRef requester = directory.byId(envelope.getInt(0));
        if (null == requester)
        {
            return SendResult.NOT_CONNECTED;
        }
        final long result = requester.tryClaim(portId, body.size(), claim);
        if (result >= 0)
        {
            claim.buffer().putBytes(0, body.data(), 0, body.size());
            claim.messageType(envelope.getInt(4)).correlationId(envelope.getLong(8));
            claim.commit();
        }
        return result;
    }

    @Override
    public void release()
    {
        reply[0] = null;
        reply[1] = null;
        reply[2] = null;
    }

    @Override
    public boolean isIdle()
    {
        return requestFrame == request.length && port.backlog() == 0;
    }

    @Override
    public int dropHeld()
    {
        int dropped = 0;
        if (requestFrame < request.length)
        {
            finishRequest(false);
            dropped++;
        }
        return dropped + replies.dropHeld();
    }
}
