package io.ringway.runtime.endpoint;

import io.ringway.runtime.errors.ConfigurationException;

/**
 * The bounds every link socket runs under. The largest message is not here: it is the largest message of the
 * ring the link reads or writes, so a message the ring would refuse never crosses the wire either.
 *
 * @param lingerMs            how long close waits for queued messages to go; what is still queued after it is
 *                            reported. Never 0 by default (ZeroMQ's {@code ZContext} default silently drops).
 * @param handshakeMs         a peer that has not completed the ZMTP handshake by then is disconnected.
 * @param heartbeatIntervalMs links that expect messages in ping each peer; 0 for none. A ZMTP PING goes to each
 *                            peer every timeout plus this interval, never more often than the timeout (JeroMQ
 *                            0.6.0 can otherwise lose the timeout and keep a stopped peer for good; see the
 *                            transport's {@code LinkSockets.pingIntervalMs}).
 * @param heartbeatTimeoutMs  a peer that leaves a PING unanswered (sends nothing, not even the PONG) for this long
 *                            is disconnected: a stopped peer one to two timeouts and an interval after it stopped.
 *                            It also bounds how long the link may be back-pressured by the runtime (the same one
 *                            to two timeouts and an interval): while it holds a message, JeroMQ stops reading that
 *                            connection, PONGs included, and once a PING's timeout passes the connection is
 *                            dropped with what was in flight on it.
 * @param highWaterMark       messages queued per peer, each way, before the link back-pressures.
 */
public record LinkLimits(
    int lingerMs, int handshakeMs, int heartbeatIntervalMs, int heartbeatTimeoutMs, int highWaterMark)
{
    /** Linger 1 s, handshake 2 s, heartbeat interval 2 s, timeout 10 s (a PING every 12 s), 1000 messages a peer. */
    public static final LinkLimits DEFAULTS = new LinkLimits(1_000, 2_000, 2_000, 10_000, 1_000);

    /**
     * @param where names the link, for the message.
     * @throws ConfigurationException naming the first bound out of range.
     */
    public void validate(final String where)
    {
        if (lingerMs < 0 || handshakeMs < 1 || heartbeatIntervalMs < 0 || heartbeatTimeoutMs < 0 || highWaterMark < 1)
        {
            throw new ConfigurationException(where + ": link limits " + this + " out of range: linger and heartbeats "
                + "must be >= 0 ms, the handshake >= 1 ms and the high-water mark >= 1 message");
        }
        if (heartbeatIntervalMs > 0 && heartbeatTimeoutMs <= heartbeatIntervalMs)
        {
            throw new ConfigurationException(where + ": heartbeat timeout " + heartbeatTimeoutMs
                + " ms must be longer than the heartbeat interval " + heartbeatIntervalMs + " ms");
        }
    }
}
