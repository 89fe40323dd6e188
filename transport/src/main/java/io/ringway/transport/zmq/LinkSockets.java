package io.ringway.transport.zmq;

import io.ringway.runtime.endpoint.Endpoint;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkRequest;
import io.ringway.runtime.endpoint.LinkSecurity;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.errors.ConfigurationException;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;

/**
 * The socket kind of each link shape, and the bounds every link socket gets before it binds or connects.
 */
final class LinkSockets
{
    /**
     * A ZAP domain makes JeroMQ refuse ZMTP 1.0 and 2.0 peers, and with them any connection whose first byte is
     * not a ZMTP 3 greeting's (garbage is otherwise read as an unversioned ZMTP 1.0 peer). No ZAP handler is
     * needed: without one, NULL-mechanism ZMTP 3 peers are let in.
     */
    static final String ZAP_DOMAIN = "ringway";

    /** Room for CURVE's per-message box (33 bytes) on top of the largest message. */
    static final int FRAME_SLACK = 64;
    /**
     * The smallest frame limit: ZMTP commands (READY with its metadata, CURVE's HELLO, WELCOME and INITIATE, up to
     * a few hundred bytes) are frames too, and a limit below them would fail every handshake.
     */
    static final int MIN_FRAME_LIMIT = 1024;

    /** ZMTP carries a PING's TTL in tenths of a second in 16 bits; JeroMQ refuses more. */
    static final int MAX_HEARTBEAT_TTL_MS = 655_300;

    private LinkSockets()
    {
    }

    /**
     * The PING period the link gives JeroMQ: one interval after the timeout, never the configured interval itself,
     * which validation keeps below the timeout.
     * <p>
     * Why: JeroMQ 0.6.0 can lose a connection's heartbeat timeout timer for good when a PING goes out while the
     * previous PING's timeout timer, cancelled by the PONG, is still queued, that is whenever the period is shorter
     * than the timeout. {@code PollerBase.cancelTimer} only flags the queued {@code TimerInfo} and leaves it for
     * {@code executeTimers} to remove once it is reached; the next PING's {@code addTimer} inserts an equal
     * {@code TimerInfo} (equality is engine and timer id), and {@code MultiMap.insert} moves the entry to the new
     * expiry but keeps the old, flagged object as its key ({@code HashMap.put} keeps an equal key). When
     * {@code executeTimers} next reaches that entry, typically as the following PING fires with no PONG back yet,
     * it sees the flag and removes the live timer. The engine still believes it has one ({@code hasTimeoutTimer}),
     * so it never starts another until a frame arrives: a peer stopped with SIGSTOP sends none and is never dropped
     * ({@code ProcessFaultTest}; without Ringway, a JeroMQ PULL with a 100 ms period and a 400 ms timeout and a
     * raw ZMTP peer that stops answering PINGs kept the connection in 2 to 4 runs of 10 on a loaded machine).
     * With the period longer than the timeout, the flagged timer expires, and is removed, before the next PING.
     *
     * @param limits the link's limits, heartbeats on.
     * @return the period between two PINGs to one peer, in ms: the timeout plus the interval. A stopped peer is
     * therefore dropped from about one timeout to two timeouts and one interval after it stopped.
     */
    static int pingIntervalMs(final LinkLimits limits)
    {
        return limits.heartbeatTimeoutMs() + limits.heartbeatIntervalMs();
    }

    /**
     * @param request the link.
     * @return the largest frame the link's socket accepts: the ring's largest message plus CURVE's box, and never
     * less than the handshake commands. A message over the ring's limit that fits here is refused by the ring
     * ({@code MESSAGE_TOO_LARGE}) and counted as dropped.
     */
    static int frameLimit(final LinkRequest request)
    {
        return Math.max(request.maxMessageLength() + FRAME_SLACK, MIN_FRAME_LIMIT);
    }

    /**
     * @param shape a link shape.
     * @return the ZeroMQ socket kind that gives it on the wire.
     */
    static SocketType socketType(final LinkShape shape)
    {
        switch (shape)
        {
            case PUBLISH:
                return SocketType.XPUB;
            case SUBSCRIBE:
                return SocketType.SUB;
            case DISTRIBUTE:
                return SocketType.PUSH;
            case COLLECT:
                return SocketType.PULL;
            case REPLY:
            case ROUTE:
                return SocketType.ROUTER;
            case REQUEST:
            case DEAL:
                return SocketType.DEALER;
            default:
                return SocketType.PAIR;
        }
    }

    /**
     * Sets every bound. Call before any bind or connect: JeroMQ copies options into each connection then.
     */
    static void configure(final ZMQ.Socket socket, final LinkRequest request, final BoundedMsgAllocator allocator)
    {
        final LinkLimits limits = request.limits();
        socket.setLinger(limits.lingerMs());
        socket.setHandshakeIvl(limits.handshakeMs());
        // Only a link that expects messages in pings. A peer that stops reading an outbound-only link, hung or
        // just slow, then shows as back-pressure (its queue fills, the port fills, senders get BACK_PRESSURED) and
        // loses nothing when it resumes; were the link to ping it, the peer could not read the PING while its
        // input is stopped, the heartbeat would time out, and what was queued for it would be lost unreported.
        if (limits.heartbeatIntervalMs() > 0 && (request.shape().inbound() || request.shape() == LinkShape.REQUEST))
        {
            final int pingIntervalMs = pingIntervalMs(limits);
            socket.setHeartbeatIvl(pingIntervalMs);
            socket.setHeartbeatTimeout(limits.heartbeatTimeoutMs());
            // The peer may drop us if no PING comes for this long: a whole ping period and the timeout on top.
            socket.setHeartbeatTtl(Math.min(pingIntervalMs + limits.heartbeatTimeoutMs(), MAX_HEARTBEAT_TTL_MS));
        }
        socket.setMaxMsgSize(frameLimit(request));
        socket.setSndHWM(limits.highWaterMark());
        socket.setRcvHWM(limits.highWaterMark());
        socket.setMsgAllocator(allocator);
        socket.setZAPDomain(ZAP_DOMAIN);
        final LinkSecurity security = request.security();
        if (null != security)
        {
            final CurveKeys keys = CurveKeys.read(security.keyFile());
            if (security.isServer())
            {
                socket.setCurveServer(true);
                socket.setCurveSecretKey(keys.secretKey());
            }
            else
            {
                socket.setCurvePublicKey(keys.publicKey());
                socket.setCurveSecretKey(keys.secretKey());
                socket.setCurveServerKey(CurveKeys.decode(security.serverPublicKey()));
            }
        }
        switch (request.shape())
        {
            case PUBLISH:
                // A full subscriber makes the send fail with EAGAIN instead of a silent drop at its end.
                socket.setXpubNoDrop(true);
                break;
            case SUBSCRIBE:
                if (request.subscriptions().isEmpty())
                {
                    socket.subscribe(new byte[0]);
                }
                for (final String prefix : request.subscriptions())
                {
                    socket.subscribe(prefix.getBytes(StandardCharsets.UTF_8));
                }
                break;
            case DISTRIBUTE:
            case EXCLUSIVE:
            case REQUEST:
                // Queue only to peers that have completed the handshake; until then messages stay in the port.
                socket.setImmediate(true);
                break;
            case DEAL:
                socket.setImmediate(true);
                if (null != request.routingId())
                {
                    socket.setIdentity(request.routingId().getBytes(StandardCharsets.UTF_8));
                }
                break;
            case REPLY:
            case ROUTE:
                // A message to a peer that has left is refused (EHOSTUNREACH) and counted, not dropped silently.
                socket.setRouterMandatory(true);
                break;
            default:
                break;
        }
    }

    /**
     * @param endpoint a bind endpoint.
     * @throws ConfigurationException for a tcp bind to every interface: name one (127.0.0.1 for this machine).
     */
    static void requireNamedInterface(final String linkName, final Endpoint endpoint)
    {
        if (Endpoint.TCP.equals(endpoint.scheme()))
        {
            final String host = endpoint.host();
            if ("*".equals(host) || "0.0.0.0".equals(host) || "::".equals(host))
            {
                throw new ConfigurationException("link '" + linkName + "': bind " + endpoint + " listens on every "
                    + "interface; name one, e.g. tcp://127.0.0.1:" + (endpoint.port() == 0 ? "*" : endpoint.port()));
            }
        }
    }
}
