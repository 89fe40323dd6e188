package io.ringway.perf.tcp;

import org.agrona.concurrent.Agent;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static io.ringway.perf.tcp.TcpSettings.HIGH_WATER_MARK;
import static io.ringway.perf.tcp.TcpSettings.MAX_MESSAGE_LENGTH;

/**
 * The raw JeroMQ replier: one {@code REP} socket connected to the requester's tcp endpoint, answering every
 * request with a copy of it. Each duty cycle tries the socket once with {@code DONTWAIT}.
 * <p>
 * The socket is created, used and closed on the agent's thread only, as a JeroMQ socket must be.
 */
final class JeroMqReplier implements Agent
{
    private final ZMQ.Context context;
    private final String endpoint;
    private final byte[] request = new byte[MAX_MESSAGE_LENGTH];
    private ZMQ.Socket socket;

    /**
     * @param context  the context to make the socket in.
     * @param endpoint the requester's bound tcp endpoint.
     */
    JeroMqReplier(final ZMQ.Context context, final String endpoint)
    {
        this.context = context;
        this.endpoint = endpoint;
    }

    @Override
    public void onStart()
    {
        socket = context.socket(SocketType.REP);
        socket.setSndHWM(HIGH_WATER_MARK);
        socket.setRcvHWM(HIGH_WATER_MARK);
        socket.setLinger(0);
        socket.setHandshakeIvl(TcpSettings.JEROMQ_HANDSHAKE_IVL_MS);
        socket.connect(endpoint);
    }

    @Override
    public int doWork()
    {
        final ZMQ.Socket socket = this.socket;
        final int length = socket.recv(request, 0, MAX_MESSAGE_LENGTH, ZMQ.DONTWAIT);
        if (length < 0)
        {
            return 0;
        }
        if (!socket.send(request, 0, length, 0))
        {
            throw new IllegalStateException("reply failed: errno " + socket.errno());
        }
        return 1;
    }

    @Override
    public void onClose()
    {
        if (null != socket)
        {
            socket.close();
        }
    }

    @Override
    public String roleName()
    {
        return "jeromq-tcp-replier";
    }
}
