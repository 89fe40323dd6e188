package io.ringway.perf.patterns;

import org.agrona.concurrent.UnsafeBuffer;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;

/**
 * The JMH thread's side of a JeroMQ round trip: one bound {@code REQ} socket per replier. A round trip sends one
 * request on every socket, then reads with {@code DONTWAIT}, spinning, until every socket has its reply, and
 * checks that each reply carries the request's sequence number.
 * <p>
 * Not thread safe: the JMH thread creates, uses and closes the sockets.
 */
final class JeroMqRequesters
{
    private final String[] endpoints;
    private final ZMQ.Socket[] sockets;
    private final byte[] request = new byte[MESSAGE_LENGTH];
    private final UnsafeBuffer requestView = new UnsafeBuffer(request);
    private final byte[] reply = new byte[MESSAGE_LENGTH];
    private final UnsafeBuffer replyView = new UnsafeBuffer(reply);
    private final boolean[] answered;
    private long sequence;

    /**
     * @param name  a prefix for the endpoints, {@code inproc://<name>-<i>}.
     * @param count REQ sockets, one per replier.
     */
    JeroMqRequesters(final String name, final int count)
    {
        this.endpoints = new String[count];
        for (int i = 0; i < count; i++)
        {
            endpoints[i] = "inproc://" + name + "-" + i;
        }
        this.sockets = new ZMQ.Socket[count];
        this.answered = new boolean[count];
    }

    /**
     * Creates and binds the sockets, on the thread that will use them.
     *
     * @param context the context the repliers connect in.
     */
    void bind(final ZMQ.Context context)
    {
        for (int i = 0; i < sockets.length; i++)
        {
            final ZMQ.Socket socket = context.socket(SocketType.REQ);
            socket.setLinger(0);
            socket.bind(endpoints[i]);
            sockets[i] = socket;
        }
    }

    /** @return the endpoints the repliers connect to, one each. */
    String[] endpoints()
    {
        return endpoints.clone();
    }

    /**
     * Sends one request on every socket and busy-waits every reply.
     *
     * @throws IllegalStateException if a send fails or a reply carries another sequence number.
     */
    void roundTrip()
    {
        final ZMQ.Socket[] sockets = this.sockets;
        final boolean[] answered = this.answered;
        final long sequence = ++this.sequence;
        requestView.putLong(0, sequence);
        for (int i = 0; i < sockets.length; i++)
        {
            answered[i] = false;
            if (!sockets[i].send(request, 0, MESSAGE_LENGTH, 0))
            {
                throw new IllegalStateException("request failed: errno " + sockets[i].errno());
            }
        }
        int remaining = sockets.length;
        while (remaining > 0)
        {
            boolean progress = false;
            for (int i = 0; i < sockets.length; i++)
            {
                if (!answered[i] && sockets[i].recv(reply, 0, MESSAGE_LENGTH, ZMQ.DONTWAIT) >= 0)
                {
                    if (replyView.getLong(0) != sequence)
                    {
                        throw new IllegalStateException("reply " + replyView.getLong(0) + " to request " + sequence);
                    }
                    answered[i] = true;
                    remaining--;
                    progress = true;
                }
            }
            if (!progress)
            {
                Thread.onSpinWait();
            }
        }
    }

    /** Closes the sockets. */
    void close()
    {
        for (final ZMQ.Socket socket : sockets)
        {
            if (null != socket)
            {
                socket.close();
            }
        }
    }
}
