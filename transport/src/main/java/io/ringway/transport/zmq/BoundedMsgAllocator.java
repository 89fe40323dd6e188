package io.ringway.transport.zmq;

import zmq.Msg;
import zmq.msg.MsgAllocator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocates the frames a link's JeroMQ I/O thread decodes, and refuses sizes that no well-formed frame can have.
 * <p>
 * JeroMQ 0.6.0's ZMTP decoder reads a frame's 64-bit size as a signed {@code long}: a size with its top bit set
 * (the CVE-2019-6250 shape) is negative, passes both of its checks ({@code > maxMsgSize}, {@code > MAX_INT}) and
 * is cast to {@code int} before it reaches here. The cast can give a negative size (a
 * {@code NegativeArraySizeException} on the I/O thread) or a size over the maximum (an allocation of up to
 * 2 GiB). Every size that JeroMQ's own checks let through is within {@code [0, maxMessageLength]}, so anything
 * else proves such a frame: it is refused with a pre-allocated exception, which JeroMQ's poller catches and hands
 * to the context's notification handler. That connection's decoder stops there and the link's heartbeat timeout
 * closes the connection; nothing large is allocated and the I/O thread carries on.
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
            throw FrameRefusedException.INSTANCE;
        }
        return new Msg(size);
    }

    /** @return frames refused so far. */
    long refused()
    {
        return refused.get();
    }

    /** Thrown on the I/O thread for a refused frame: pre-allocated, without a stack trace. */
    static final class FrameRefusedException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        static final FrameRefusedException INSTANCE = new FrameRefusedException();

        private FrameRefusedException()
        {
            super("frame size out of range: a 64-bit size with its top bit set", null, false, false);
        }
    }
}
