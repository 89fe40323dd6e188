package io.ringway.transport.zmq;

import zmq.Msg;
import zmq.msg.MsgAllocator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocates the frames a link's JeroMQ I/O thread decodes, and refuses sizes that no well-formed frame can have.
 * <p>
 * JeroMQ 0.6.0's ZMTP decoder reads a frame's 64-bit size as a signed {@code long}: a size with its top bit set
 * (the CVE-2019-6250 shape) is negative, passes both of its checks ({@code > maxMsgSize}, {@code > MAX_INT}) and
 * is cast to {@code int} before it reaches here. The cast gives a negative size (JeroMQ's own allocator throws
 * {@code NegativeArraySizeException}, after which the decoder spins forever on that connection and the I/O thread
 * serves nobody else: measured) or a size over the maximum (an allocation of up to 2 GiB). Every size that
 * JeroMQ's own checks let through is within {@code [0, frame limit]}, so anything else proves such a frame.
 * <p>
 * Throwing here would leave the decoder in that spin, so a refused frame is answered with an empty
 * {@link RefusedFrame} instead: the decoder moves on in a consistent state, the marker reaches the link's thread,
 * which drops it with everything else from that connection and closes the connection. Nothing large is
 * allocated. A top-bit size whose low 32 bits happen to be a legal size cannot be told apart here: it is read as
 * that size, exactly as if the peer had sent a frame of that size.
 * <p>
 * Frames are heap arrays of exactly the frame's size, so {@code Msg.data()} returns the array itself and the link
 * copies it into a ring slot with no further allocation.
 * <p>
 * Thread safety: called by JeroMQ's I/O thread; {@link #refused()} from any thread.
 */
final class BoundedMsgAllocator implements MsgAllocator
{
    private final int maxMessageLength;
    private final AtomicLong refused = new AtomicLong();

    /** @param maxMessageLength the link's frame limit: the largest frame the socket accepts. */
    BoundedMsgAllocator(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
    }

    @Override
    public Msg allocate(final int size)
    {
        if (size < 0 || size > maxMessageLength)
        {
            refused.incrementAndGet();
            return new RefusedFrame();
        }
        return new Msg(size);
    }

    /** @return frames refused so far. */
    long refused()
    {
        return refused.get();
    }
}
