package io.ringway.perf.tcp;

import io.ringway.perf.patterns.ReceiverProgress;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static io.ringway.perf.tcp.TcpSettings.HIGH_WATER_MARK;
import static io.ringway.perf.tcp.TcpSettings.MAX_MESSAGE_LENGTH;

/**
 * The raw JeroMQ puller: one {@code PULL} socket connected to the pusher's tcp endpoint, receive high-water mark
 * {@link TcpSettings#HIGH_WATER_MARK}. Each duty cycle reads up to {@value #BATCH_LIMIT} messages with
 * {@code DONTWAIT}, copying each into one receive buffer, and counts its sequence number.
 * <p>
 * The socket is created, used and closed on the agent's thread only, as a JeroMQ socket must be.
 */
final class JeroMqPuller implements Agent
{
    /** Messages per duty cycle: Ringway's default batch limit. */
    static final int BATCH_LIMIT = 256;

    private final ZMQ.Context context;
    private final String endpoint;
    private final ReceiverProgress progress;
    private final byte[] received = new byte[MAX_MESSAGE_LENGTH];
    private final UnsafeBuffer receivedView = new UnsafeBuffer(received);
    private ZMQ.Socket socket;

    /**
     * @param context  the context to make the socket in.
     * @param endpoint the pusher's bound tcp endpoint.
     * @param progress where to count.
     */
    JeroMqPuller(final ZMQ.Context context, final String endpoint, final ReceiverProgress progress)
    {
        this.context = context;
        this.endpoint = endpoint;
        this.progress = progress;
    }

    @Override
    public void onStart()
    {
        socket = context.socket(SocketType.PULL);
        socket.setRcvHWM(HIGH_WATER_MARK);
        socket.setLinger(0);
        socket.setHandshakeIvl(TcpSettings.JEROMQ_HANDSHAKE_IVL_MS);
        socket.connect(endpoint);
    }

    @Override
    public int doWork()
    {
        final ZMQ.Socket socket = this.socket;
        int workCount = 0;
        while (workCount < BATCH_LIMIT && socket.recv(received, 0, MAX_MESSAGE_LENGTH, ZMQ.DONTWAIT) >= 0)
        {
            progress.onMessage(receivedView.getLong(0));
            workCount++;
        }
        return workCount;
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
        return "jeromq-tcp-puller";
    }
}
