package io.ringway.transport.zmq;

import io.ringway.runtime.status.MessageCounters;
import org.agrona.concurrent.status.AtomicCounter;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import zmq.Msg;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The ZAP handler (RFC 27) of one link's JeroMQ context, on the link's thread: it lets in the CURVE clients whose
 * public key is on the allow-list and refuses every other, counting each refusal as an error on the link.
 * Without a handler, JeroMQ lets in any client that knows the server's public key.
 * <p>
 * Thread safety: the link's thread only. Allocates per handshake (the request's frames and the reply), not per
 * message.
 */
final class ZapHandler implements AutoCloseable
{
    /** Where JeroMQ's sessions send their ZAP requests. */
    static final String ZAP_ENDPOINT = "inproc://zeromq.zap.01";

    private static final int FRAMES = 7;

    private final ZMQ.Socket socket;
    private final Set<String> allowedClientKeys;
    private final MessageCounters counters;
    private final AtomicCounter authRefused;
    private final Msg[] request = new Msg[FRAMES];
    private volatile long refused;

    /**
     * Binds the handler. Call before the link's socket binds or connects: a session looks for it when created.
     */
    ZapHandler(
        final ZMQ.Context context,
        final Set<String> allowedClientKeys,
        final MessageCounters counters,
        final AtomicCounter authRefused)
    {
        this.socket = context.socket(SocketType.REP);
        this.socket.setLinger(0);
        this.socket.bind(ZAP_ENDPOINT);
        this.allowedClientKeys = allowedClientKeys;
        this.counters = counters;
        this.authRefused = authRefused;
    }

    /** @return requests answered. */
    int poll()
    {
        int work = 0;
        Msg first;
        while (null != (first = socket.base().recv(ZMQ.DONTWAIT)))
        {
            int count = 0;
            Msg frame = first;
            request[count++] = frame;
            while (frame.hasMore())
            {
                frame = socket.base().recv(ZMQ.DONTWAIT);
                if (count < FRAMES)
                {
                    request[count] = frame;
                }
                count++;
            }
            final boolean allowed = count == FRAMES && "CURVE".equals(text(request[5]))
                && request[6].size() == 32 && allowedClientKeys.contains(ZMQ.Curve.z85Encode(request[6].data()));
            reply(count >= 2 ? request[1] : new Msg(), allowed);
            if (!allowed)
            {
                counters.onError();
                if (null != authRefused)
                {
                    authRefused.increment();
                }
                refused++; // last: whoever sees this refusal sees it in the counters too
            }
            work++;
        }
        return work;
    }

    private void reply(final Msg requestId, final boolean allowed)
    {
        socket.sendMore("1.0");
        socket.base().send(requestId, ZMQ.SNDMORE);
        socket.sendMore(allowed ? "200" : "400");
        socket.sendMore(allowed ? "OK" : "client key not allowed");
        socket.sendMore("");
        socket.send("");
    }

    private static String text(final Msg frame)
    {
        return new String(frame.data(), StandardCharsets.US_ASCII);
    }

    /** @return clients refused so far. Any thread. */
    long refused()
    {
        return refused;
    }

    @Override
    public void close()
    {
        socket.close();
    }
}
