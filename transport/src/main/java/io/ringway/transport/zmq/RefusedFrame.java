package io.ringway.transport.zmq;

import zmq.Msg;

/**
 * The empty frame {@link BoundedMsgAllocator} hands JeroMQ's decoder in place of a frame whose size no
 * well-formed frame has. It always ends its message (the MORE flag the wire gave it is ignored), so it reaches
 * the link's thread at once and marks its connection as one to close.
 * <p>
 * Thread safety: created on the I/O thread, handed to the link's thread through JeroMQ's pipe.
 */
final class RefusedFrame extends Msg
{
    RefusedFrame()
    {
        super(0);
    }

    @Override
    public void setFlags(final int flags)
    {
        super.setFlags(flags & ~MORE);
    }
}
