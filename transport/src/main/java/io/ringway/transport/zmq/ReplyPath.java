package io.ringway.transport.zmq;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.endpoint.LinkSource;
import io.ringway.runtime.ring.MessageSink;
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

/**
 * A replier's side of correlate-reply on a ROUTER socket (RFC 28), serving REQ and DEALER clients.
 * <pre>
 *   in:  [identity][envelope...][empty][body] --route table--&gt; replier mailbox: body, correlation id = token,
 *                                                               sender = the link's port
 *   out: port: reply with that correlation id --&gt; [identity][envelope...][empty][body] to that client only
 * </pre>
 * A request without the empty delimiter (a DEALER that sends bare bodies) is answered the same way, without one.
 * A reply whose route is gone (answered already, given up, or never let in) is dropped and counted; a reply to a
 * client that has left is refused by the ROUTER ({@code ROUTER_MANDATORY}) and counted. When the route table is
 * full or the replier is back-pressured, the request is held and the socket is not read.
 * <p>
 * Thread safety: the link's thread only. Allocates one empty delimiter frame and the body frame per reply, as
 * JeroMQ needs; requests and their envelopes are JeroMQ's frames, kept by reference.
 */
final class ReplyPath implements WirePath, EventPoller.Handler<MessageSlot>, InboundPump.Messages
{
    private final SocketBase socket;
    private final MessageSink replier;
    private final int portId;
    private final LinkSource port;
    private final MessageCounters counters;
    private final ErrorHandler errorHandler;
    private final String linkName;
    private final int batchLimit;
    private final RouteTable routes;
    private final BadConnections badConnections;
    private final InboundPump requests;
    private final SlotClaim claim = new SlotClaim();
    private final Msg[] frames = new Msg[RouteTable.MAX_ENVELOPE + 2];
    private Msg identity;
    private int frameCount;
    private int route = RouteTable.NONE;
    private int replyRoute = RouteTable.NONE;
    private int replyFrame;
    private Msg replyBody;

    ReplyPath(
        final SocketBase socket,
        final MessageSink replier,
        final int portId,
        final LinkSource port,
        final MessageCounters counters,
        final ErrorHandler errorHandler,
        final String linkName,
        final int capacity,
        final int batchLimit,
        final BadConnections badConnections)
    {
        this.socket = socket;
        this.replier = replier;
        this.portId = portId;
        this.port = port;
        this.counters = counters;
        this.errorHandler = errorHandler;
        this.linkName = linkName;
        this.batchLimit = batchLimit;
        this.routes = new RouteTable(capacity);
        this.badConnections = badConnections;
        this.requests = new InboundPump(this, counters, batchLimit);
    }

    @Override
    public int pump()
    {
        return requests.pump() + replies();
    }

    /**
     * Reads the next well-formed request into {@link #identity} and {@link #frames}. Malformed requests are read to
     * their end, dropped and counted on the way, without counting against the batch.
     *
     * @return {@link InboundPump#READ}, or {@link InboundPump#EMPTY} when there is nothing to read.
     */
    @Override
    public int read()
    {
        while (true)
        {
            final Msg routing = socket.recv(ZMQ.ZMQ_DONTWAIT);
            if (null == routing)
            {
                return InboundPump.EMPTY;
            }
            identity = routing;
            frameCount = 0;
            Msg frame = routing;
            boolean refused = false;
            while (frame.hasMore() && !refused)
            {
                frame = socket.recv(ZMQ.ZMQ_DONTWAIT);
                if (null == frame)
                {
                    break;
                }
                if (frameCount == frames.length || badConnections.refuses(frame, 0 == frameCount ? frame : frames[0]))
                {
                    refused = true;
                    break;
                }
                frames[frameCount++] = frame;
            }
            // A request without a delimiter keeps every frame but its body as envelope: one frame more than a
            // route holds when all ten slots are used (found by InboundFuzzTest: it killed the link's thread).
            if (!refused && frameCount > 0 && envelopeLength() <= RouteTable.MAX_ENVELOPE)
            {
                return InboundPump.READ;
            }
            if (refused)
            {
                badConnections.discardRest(frame);
            }
            else
            {
                counters.onDropped(1);
            }
            counters.onError();
            clearFrames();
        }
    }

    /**
     * Routes the request held in {@link #frames} and offers its body to the replier.
     *
     * @return the replier's code; {@code BACK_PRESSURED} also when the route table is full.
     */
    @Override
    public long deliver()
    {
        if (RouteTable.NONE == route)
        {
            route = acquireRoute();
            if (RouteTable.NONE == route)
            {
                return SendResult.BACK_PRESSURED;
            }
            routes.set(route, identity, frames, envelopeLength(), delimiterIndex() >= 0);
        }
        final Msg body = frames[frameCount - 1];
        final long result = replier.tryClaim(portId, body.size(), claim);
        if (result >= 0)
        {
            claim.buffer().putBytes(0, body.data(), 0, body.size());
            claim.correlationId(routes.token(route));
            claim.commit();
            route = RouteTable.NONE; // the route is the reply's now
        }
        return result;
    }

    /** Frees the request's frames, and its route unless the request went in. */
    @Override
    public void release()
    {
        if (RouteTable.NONE != route)
        {
            routes.release(route);
            route = RouteTable.NONE;
        }
        clearFrames();
    }

    private int acquireRoute()
    {
        final long nowNs = System.nanoTime();
        int index = routes.acquire(nowNs);
        if (RouteTable.NONE == index)
        {
            final int expired = routes.expire(nowNs);
            if (expired > 0)
            {
                counters.onDropped(expired);
                index = routes.acquire(nowNs);
            }
        }
        return index;
    }

    /** @return the frames before the delimiter, or before the body in a request without one. */
    private int envelopeLength()
    {
        final int delimiter = delimiterIndex();
        return delimiter >= 0 ? delimiter : frameCount - 1;
    }

    /** @return the index of the empty delimiter just before the body, or -1 for a request without one. */
    private int delimiterIndex()
    {
        final int candidate = frameCount - 2;
        return candidate >= 0 && frames[candidate].size() == 0 ? candidate : -1;
    }

    private void clearFrames()
    {
        for (int i = 0; i < frameCount; i++)
        {
            frames[i] = null;
        }
        frameCount = 0;
        identity = null;
    }

    private int replies()
    {
        if (null != replyBody)
        {
            if (!sendReply())
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
        final int index = routes.indexOf(slot.correlationId());
        if (RouteTable.NONE == index)
        {
            counters.onDropped(1); // a late reply, a second reply, or a reply to nothing this link let in
            return true;
        }
        final UnsafeBuffer buffer = slot.buffer();
        final byte[] bytes = new byte[slot.length() - slot.topicLength()];
        buffer.getBytes(slot.topicLength(), bytes, 0, bytes.length);
        replyRoute = index;
        replyFrame = 0;
        replyBody = new Msg(bytes);
        return sendReply();
    }

    /**
     * Sends the held reply frame by frame, from where it stopped.
     *
     * @return true if it went or failed for good (counted), false if it waits for room.
     */
    private boolean sendReply()
    {
        final int route = replyRoute;
        final int envelopeLength = routes.envelopeLength(route);
        final boolean delimited = routes.delimited(route);
        final int last = 1 + envelopeLength + (delimited ? 1 : 0);
        while (replyFrame <= last)
        {
            final Msg frame;
            if (0 == replyFrame)
            {
                frame = routes.identity(route);
            }
            else if (replyFrame <= envelopeLength)
            {
                frame = routes.envelope(route, replyFrame - 1);
            }
            else if (replyFrame < last)
            {
                frame = new Msg();
            }
            else
            {
                frame = replyBody;
            }
            final int flags = replyFrame < last ? ZMQ.ZMQ_SNDMORE | ZMQ.ZMQ_DONTWAIT : ZMQ.ZMQ_DONTWAIT;
            if (!socket.send(frame, flags))
            {
                if (socket.errno() == ZError.EAGAIN && 0 == replyFrame)
                {
                    return false;
                }
                if (socket.errno() != ZError.EHOSTUNREACH)
                {
                    errorHandler.onError(new IllegalStateException(
                        "link '" + linkName + "': reply failed, errno " + socket.errno() + "; reply dropped"));
                    counters.onError();
                }
                finishReply(false);
                return true;
            }
            replyFrame++;
        }
        finishReply(true);
        return true;
    }

    private void finishReply(final boolean sent)
    {
        routes.release(replyRoute);
        replyRoute = RouteTable.NONE;
        replyBody = null;
        if (sent)
        {
            counters.onSent();
        }
        else
        {
            counters.onDropped(1);
        }
    }

    @Override
    public boolean isIdle()
    {
        return null == replyBody && port.backlog() == 0;
    }

    @Override
    public int dropHeld()
    {
        int dropped = 0;
        if (null != replyBody)
        {
            finishReply(false);
            dropped++;
        }
        return dropped + requests.dropHeld();
    }
}
