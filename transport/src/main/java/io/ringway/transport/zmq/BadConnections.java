package io.ringway.transport.zmq;

import io.ringway.runtime.status.MessageCounters;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZMQ;
import zmq.io.Metadata;

/**
 * Tells the messages to refuse because of the connection they came from: one that holds a {@link RefusedFrame}
 * (an impossible frame size), and every later one from that connection, recognised by the metadata object JeroMQ
 * stamps on all messages of one connection (a reference compare: nothing is allocated for well-formed input).
 * The first refusal closes the connection. The refused frame itself is counted as an error by the link, from
 * the allocator's count; every message dropped here is counted as dropped.
 * <p>
 * Thread safety: the link's thread only.
 */
final class BadConnections
{
    /** Closes the connection a refused frame came from. */
    @FunctionalInterface
    interface ConnectionCloser
    {
        /**
         * @param connection the metadata JeroMQ stamps on every message of one connection.
         */
        void close(Metadata connection);
    }

    private static final int REMEMBERED = 8;

    private final SocketBase socket;
    private final MessageCounters counters;
    private final ConnectionCloser closer;
    private final Metadata[] poisoned = new Metadata[REMEMBERED];
    private int next;

    BadConnections(final SocketBase socket, final MessageCounters counters, final ConnectionCloser closer)
    {
        this.socket = socket;
        this.counters = counters;
        this.closer = closer;
    }

    /**
     * @param frame a frame just received; its message's first frame carries the connection's metadata.
     * @param first the message's first frame.
     * @return true if the message is to be refused: the caller drops it (see {@link #discardRest}).
     */
    boolean refuses(final Msg frame, final Msg first)
    {
        final Metadata connection = first.getMetadata();
        if (frame instanceof RefusedFrame)
        {
            // Counted as an error where it was refused (LinkAgent folds the allocator's count), not here.
            if (null != connection && !isPoisoned(connection))
            {
                poisoned[next] = connection;
                next = (next + 1) % REMEMBERED;
                closer.close(connection);
            }
            return true;
        }
        return null != connection && isPoisoned(connection);
    }

    private boolean isPoisoned(final Metadata connection)
    {
        final Metadata[] poisoned = this.poisoned;
        for (int i = 0; i < poisoned.length; i++)
        {
            if (poisoned[i] == connection)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * A message that will not be delivered: reads it to its end, drops it, counts it.
     *
     * @param last the last frame read of it.
     */
    void discardRest(final Msg last)
    {
        Msg part = last;
        while (null != part && part.hasMore())
        {
            part = socket.recv(ZMQ.ZMQ_DONTWAIT);
        }
        counters.onDropped(1);
    }
}
