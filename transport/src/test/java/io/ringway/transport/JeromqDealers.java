package io.ringway.transport;

import io.ringway.transport.zmq.ZmqLink;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;

/**
 * Plain JeroMQ DEALERs for tests that talk to a Ringway link, each returned once the link has seen its handshake,
 * so a test's first message cannot die with a connection that never came up.
 * <p>
 * Why the short handshake interval: JeroMQ 0.6.0's I/O thread sometimes never registers a freshly connected
 * channel with its selector (its {@code Poller} re-registers the channel under the connecter's cancelled key;
 * jeromq#1022). Such a connection never sends its greeting and sits silent until the connecting socket's own
 * handshake timer tears it down and reconnects: 30 s by default, longer than a test waits. We measured it on
 * about 1 connection in 500 under load, only on the connecting side. Ringway's links set their own interval
 * ({@code LinkLimits.handshakeMs}, 2 s by default); these test sockets use {@link #HANDSHAKE_IVL_MS}, which
 * turns the stall into a quick reconnect.
 */
final class JeromqDealers
{
    /** The connecting socket's handshake timeout: a stalled connection is retried after this. */
    static final int HANDSHAKE_IVL_MS = 500;

    private JeromqDealers()
    {
    }

    /**
     * @param context          owns the socket.
     * @param link             a bound Ringway link: the socket connects to its first endpoint.
     * @param routingId        the dealer's identity.
     * @param receiveTimeoutMs how long a receive waits before it returns null.
     * @return the connected dealer, once the link has counted one more handshake than before the connect.
     * @throws AssertionError if the link sees no handshake within {@link Await}'s timeout.
     */
    static ZMQ.Socket connected(
        final ZContext context, final ZmqLink link, final String routingId, final int receiveTimeoutMs)
    {
        final long handshakes = link.handshakes();
        final ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
        dealer.setIdentity(routingId.getBytes(StandardCharsets.UTF_8));
        dealer.setReceiveTimeOut(receiveTimeoutMs);
        dealer.setHandshakeIvl(HANDSHAKE_IVL_MS);
        dealer.connect(link.endpoints().get(0).endpoint().toString());
        Await.until(() -> link.handshakes() > handshakes, () -> routingId + ": no handshake seen by the link ("
            + link.connections() + " connections, " + link.handshakes() + " handshakes, " + link.disconnects()
            + " disconnects)");
        return dealer;
    }
}
