package io.ringway.transport.zmq;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.endpoint.LinkSource;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.UnsafeBuffer;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZError;
import zmq.ZMQ;

/**
 * Moves messages from the runtime onto a link's socket: each slot is copied once, into the frame JeroMQ sends
 * ({@code [topic][body]} or {@code [body]}), and sent without waiting.
 * <p>
 * When the socket cannot take a message ({@code EAGAIN}: no peer yet, or every peer at its high-water mark;
 * a publishing socket refuses while any matching subscriber is full, since it is set not to drop), the frames
 * are held and the source is not read until they go. The source (a port or a lossless reader) then fills, and
 * its senders get {@code BACK_PRESSURED}: back-pressure crosses the bridge as the same code as in-process.
 * <p>
 * Given a {@link PeerReadiness}, nothing is sent until a peer has completed its handshake, so that no message
 * goes into the pipe of a connection that may never complete it (see there). A publishing link goes without:
 * its messages reach only peers whose subscriptions arrived, which is after their handshake.
 * <p>
 * Thread safety: the link's thread only. JeroMQ needs one frame object and array per frame sent; nothing else
 * is allocated.
 */
final class OutboundPath implements WirePath, EventPoller.Handler<MessageSlot>
{
    private final SocketBase socket;
    private final LinkSource source;
    private final boolean topicFrames;
    private final MessageCounters counters;
    private final ErrorHandler errorHandler;
    private final String linkName;
    private final int batchLimit;
    private final PeerReadiness readiness;
    private Msg heldTopic;
    private Msg heldBody;

    OutboundPath(
        final SocketBase socket,
        final LinkSource source,
        final boolean topicFrames,
        final MessageCounters counters,
        final ErrorHandler errorHandler,
        final String linkName,
        final int batchLimit,
        final PeerReadiness readiness)
    {
        this.socket = socket;
        this.source = source;
        this.topicFrames = topicFrames;
        this.counters = counters;
        this.errorHandler = errorHandler;
        this.linkName = linkName;
        this.batchLimit = batchLimit;
        this.readiness = readiness;
    }

    /**
     * @return messages sent or taken.
     */
    @Override
    public int pump()
    {
        if (null != readiness && !readiness.hasReadyPeer())
        {
            return 0;
        }
        int work = 0;
        if (isHolding())
        {
            if (!sendHeld())
            {
                return 0;
            }
            work++;
        }
        // One message per poll, so that nothing is handed on once a message is held: a ring reader (a remote
        // subscriber of a fan-out) goes on through its batch whatever onEvent returns, and the next message would
        // overwrite the held one, lost uncounted.
        while (work < batchLimit && !isHolding())
        {
            final int taken = source.poll(this, 1);
            if (0 == taken)
            {
                break;
            }
            work += taken;
        }
        return work;
    }

    @Override
    public boolean onEvent(final MessageSlot slot, final long sequence, final boolean endOfBatch)
    {
        final UnsafeBuffer buffer = slot.buffer();
        final int topicLength = topicFrames ? slot.topicLength() : 0;
        if (topicFrames)
        {
            heldTopic = frame(buffer, 0, topicLength);
        }
        heldBody = frame(buffer, topicLength, slot.length() - topicLength);
        return sendHeld();
    }

    private static Msg frame(final UnsafeBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes, 0, length);
        return new Msg(bytes);
    }

    /**
     * @return true if the held frames went (or failed for good and were counted), false if they wait for room.
     */
    private boolean sendHeld()
    {
        if (null != heldTopic)
        {
            if (!socket.send(heldTopic, ZMQ.ZMQ_SNDMORE | ZMQ.ZMQ_DONTWAIT))
            {
                return failed();
            }
            heldTopic = null;
        }
        // Once the first frame of a message is in, the pipe takes the rest: the high-water mark counts messages.
        if (!socket.send(heldBody, ZMQ.ZMQ_DONTWAIT))
        {
            return failed();
        }
        heldBody = null;
        counters.onSent();
        return true;
    }

    private boolean failed()
    {
        if (socket.errno() == ZError.EAGAIN)
        {
            return false;
        }
        errorHandler.onError(new IllegalStateException(
            "link '" + linkName + "': send failed, errno " + socket.errno() + "; message dropped"));
        counters.onError();
        dropHeld();
        return true;
    }

    /** @return true while a message waits for room on the socket. */
    boolean isHolding()
    {
        return null != heldBody;
    }

    /** @return true if nothing is held and the source is empty. */
    @Override
    public boolean isIdle()
    {
        return !isHolding() && source.backlog() == 0;
    }

    /**
     * At close: a message still held is dropped and counted.
     *
     * @return 1 if one was held, else 0.
     */
    @Override
    public int dropHeld()
    {
        if (!isHolding())
        {
            return 0;
        }
        heldTopic = null;
        heldBody = null;
        counters.onDropped(1);
        return 1;
    }
}
