package io.ringway.transport.zmq;

import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.MutableDirectBuffer;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * Moves messages from a link's socket into the runtime: each one is copied once, from JeroMQ's frame into a
 * slot claimed in the target ring, with the sink's own codes.
 * <ul>
 *     <li>{@code BACK_PRESSURED}: the message is held and the socket is not read until it goes in, so JeroMQ's
 *     high-water mark pushes back on the peer (a PUSH peer waits; a PUB peer drops at its end, as ZeroMQ
 *     does). Counted once per held message as back-pressured on the link ({@link InboundPump}).</li>
 *     <li>Any other refusal ({@code CLOSED}, {@code MESSAGE_TOO_LARGE}, {@code REFUSED}): dropped and counted.</li>
 *     <li>A message of the wrong frame count (more than {@code [topic][body]}, or more than one frame where one is
 *     expected: {@link InboundFrames}): dropped and counted as dropped and as an error.</li>
 * </ul>
 * Thread safety: the link's thread only. Allocates nothing of its own; JeroMQ allocates each frame.
 */
final class InboundPath implements WirePath, InboundPump.Messages
{
    private final SocketBase socket;
    private final MessageSink sink;
    private final boolean takesTopicFrame;
    private final boolean singleFrameIsTopic;
    private final int senderId;
    private final MessageCounters counters;
    private final SlotClaim claim = new SlotClaim();
    private final BadConnections badConnections;
    private final InboundPump inbound;
    private Msg first;
    private Msg second;

    InboundPath(
        final SocketBase socket,
        final MessageSink sink,
        final InboundFrames frames,
        final int senderId,
        final MessageCounters counters,
        final int batchLimit,
        final BadConnections badConnections)
    {
        this.badConnections = badConnections;
        this.socket = socket;
        this.sink = sink;
        this.takesTopicFrame = frames != InboundFrames.BODY;
        this.singleFrameIsTopic = frames == InboundFrames.TOPIC_BODY;
        this.senderId = senderId;
        this.counters = counters;
        this.inbound = new InboundPump(this, counters, batchLimit);
    }

    /**
     * @return messages moved into the runtime or dropped.
     */
    @Override
    public int pump()
    {
        return inbound.pump();
    }

    @Override
    public int read()
    {
        final Msg first = socket.recv(ZMQ.ZMQ_DONTWAIT);
        if (null == first)
        {
            return InboundPump.EMPTY;
        }
        Msg second = null;
        if (first.hasMore())
        {
            second = socket.recv(ZMQ.ZMQ_DONTWAIT);
            if (isFromBadConnection(first, second))
            {
                return InboundPump.SKIPPED;
            }
            if (null == second || second.hasMore() || !takesTopicFrame)
            {
                badConnections.discardRest(second);
                counters.onError();
                return InboundPump.SKIPPED;
            }
        }
        else if (isFromBadConnection(first, null))
        {
            return InboundPump.SKIPPED;
        }
        this.first = first;
        this.second = second;
        return InboundPump.READ;
    }

    private boolean isFromBadConnection(final Msg first, final Msg second)
    {
        if (badConnections.refuses(first, first) || (null != second && badConnections.refuses(second, first)))
        {
            badConnections.discardRest(null == second ? first : second);
            return true;
        }
        return false;
    }

    /**
     * Two frames are {@code [topic][body]}; one is the body, or all topic with an empty body into a shared ring
     * ({@link InboundFrames}).
     */
    @Override
    public long deliver()
    {
        final Msg first = this.first;
        final Msg second = this.second;
        final int topicLength = null != second || singleFrameIsTopic ? first.size() : 0;
        final int length = null == second ? first.size() : first.size() + second.size();
        final long result = sink.tryClaim(senderId, length, claim);
        if (result < 0)
        {
            return result;
        }
        boolean written = false;
        try
        {
            final MutableDirectBuffer buffer = claim.buffer();
            buffer.putBytes(0, first.data(), 0, first.size());
            if (null != second)
            {
                buffer.putBytes(first.size(), second.data(), 0, second.size());
            }
            claim.topicLength(topicLength);
            written = true;
        }
        finally
        {
            if (written)
            {
                claim.commit();
            }
            else
            {
                claim.abort();
            }
        }
        return result;
    }

    @Override
    public void release()
    {
        first = null;
        second = null;
    }

    /**
     * At close: a message still held for back-pressure is dropped and counted.
     *
     * @return 1 if one was held, else 0.
     */
    @Override
    public int dropHeld()
    {
        return inbound.dropHeld();
    }

    /** @return always true: close does not wait for inbound messages. */
    @Override
    public boolean isIdle()
    {
        return true;
    }
}
