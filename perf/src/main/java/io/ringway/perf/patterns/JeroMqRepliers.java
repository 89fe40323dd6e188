package io.ringway.perf.patterns;

import org.agrona.concurrent.Agent;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;

/**
 * The JeroMQ repliers of a round-trip benchmark, all on one thread as Ringway's share one dispatcher: one
 * {@code REP} socket per requester's inproc endpoint, each answering every request with a copy of it. Each duty
 * cycle tries each socket once with {@code DONTWAIT}.
 * <p>
 * The sockets are created, used and closed on the agent's thread only, as a JeroMQ socket must be.
 */
final class JeroMqRepliers implements Agent
{
    private final ZMQ.Context context;
    private final String[] endpoints;
    private final ZMQ.Socket[] sockets;
    private final byte[] request = new byte[MESSAGE_LENGTH];

    /**
     * @param context   the context the requesters' sockets belong to.
     * @param endpoints the requesters' bound inproc endpoints, one {@code REP} each.
     */
    JeroMqRepliers(final ZMQ.Context context, final String... endpoints)
    {
        this.context = context;
        this.endpoints = endpoints.clone();
        this.sockets = new ZMQ.Socket[endpoints.length];
    }

    @Override
    public void onStart()
    {
        for (int i = 0; i < sockets.length; i++)
        {
            final ZMQ.Socket socket = context.socket(SocketType.REP);
            socket.setLinger(0);
            socket.connect(endpoints[i]);
            sockets[i] = socket;
        }
    }

    @Override
    public int doWork()
    {
        final ZMQ.Socket[] sockets = this.sockets;
        int workCount = 0;
        for (final ZMQ.Socket socket : sockets)
        {
            final int length = socket.recv(request, 0, MESSAGE_LENGTH, ZMQ.DONTWAIT);
            if (length >= 0)
            {
                if (!socket.send(request, 0, length, 0))
                {
                    throw new IllegalStateException("reply failed: errno " + socket.errno());
                }
                workCount++;
            }
        }
        return workCount;
    }

    @Override
    public void onClose()
    {
        for (final ZMQ.Socket socket : sockets)
        {
            if (null != socket)
            {
                socket.close();
            }
        }
    }

    @Override
    public String roleName()
    {
        return "jeromq-repliers";
    }
}
