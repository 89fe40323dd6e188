package io.ringway.perf.patterns;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static io.ringway.perf.patterns.PatternSettings.BATCH_LIMIT;
import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;
import static io.ringway.perf.patterns.PatternSettings.WINDOW;

/**
 * The JeroMQ receivers of a throughput benchmark, all on one thread as Ringway's share one dispatcher: one
 * {@code SUB} (subscribed to the empty prefix) or {@code PULL} socket per receiver, connected to the producer's
 * inproc endpoint. Each duty cycle reads up to {@link PatternSettings#BATCH_LIMIT} messages from each socket with
 * {@code DONTWAIT}, copying each into one receive buffer.
 * <p>
 * The sockets are created, used and closed on the agent's thread only, as a JeroMQ socket must be; receive
 * high-water marks are {@link PatternSettings#WINDOW}, so the producer's window, not a full pipe, is what holds
 * it back.
 */
final class JeroMqReceivers implements Agent
{
    private final ZMQ.Context context;
    private final SocketType type;
    private final String endpoint;
    private final Receivers receivers;
    private final ZMQ.Socket[] sockets;
    private final byte[] received = new byte[MESSAGE_LENGTH];
    private final UnsafeBuffer receivedView = new UnsafeBuffer(received);

    /**
     * @param context   the context the producer's socket belongs to (inproc works within one context).
     * @param type      {@code SUB} or {@code PULL}.
     * @param endpoint  the producer's bound inproc endpoint.
     * @param receivers one progress per socket.
     */
    JeroMqReceivers(
        final ZMQ.Context context, final SocketType type, final String endpoint, final Receivers receivers)
    {
        this.context = context;
        this.type = type;
        this.endpoint = endpoint;
        this.receivers = receivers;
        this.sockets = new ZMQ.Socket[receivers.count()];
    }

    @Override
    public void onStart()
    {
        for (int i = 0; i < sockets.length; i++)
        {
            final ZMQ.Socket socket = context.socket(type);
            socket.setRcvHWM(WINDOW);
            socket.setLinger(0);
            if (type == SocketType.SUB)
            {
                socket.subscribe(new byte[0]);
            }
            socket.connect(endpoint);
            sockets[i] = socket;
        }
    }

    @Override
    public int doWork()
    {
        final ZMQ.Socket[] sockets = this.sockets;
        int workCount = 0;
        for (int i = 0; i < sockets.length; i++)
        {
            final ZMQ.Socket socket = sockets[i];
            final ReceiverProgress progress = receivers.get(i);
            for (int n = 0; n < BATCH_LIMIT && socket.recv(received, 0, MESSAGE_LENGTH, ZMQ.DONTWAIT) >= 0; n++)
            {
                progress.onMessage(receivedView.getLong(0));
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
        return "jeromq-" + type.name().toLowerCase() + "-receivers";
    }
}
