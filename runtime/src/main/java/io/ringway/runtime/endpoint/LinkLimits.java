package io.ringway.runtime.endpoint;

import io.ringway.runtime.errors.ConfigurationException;

/**
 * The bounds every link socket runs under. The largest message is not here: it is the largest message of the
 * ring the link reads or writes, so a message the ring would refuse never crosses the wire either.
 *
 * @param lingerMs            how long close waits for queued messages to go; what is still queued after it is
 *                            reported. Never 0 by default (ZeroMQ's {@code ZContext} default silently drops).
 * @param handshakeMs         a peer that has not completed the ZMTP handshake by then is disconnected.
 * @param heartbeatIntervalMs a ZMTP PING goes to each peer this often, from links that expect messages in; 0 for
 *                            none.
 * @param heartbeatTimeoutMs  a peer that sends nothing (not even a PONG) for this long is disconnected. It is also
 *                            the longest the link may be back-pressured by the runtime: while it holds a message,
 *                            JeroMQ stops reading that connection, PONGs included, and once the timeout passes the
 *                            connection is dropped with what was in flight on it.
 * @param highWaterMark       messages queued per peer, each way, before the link back-pressures.
 */
public record LinkLimits(
    int lingerMs, int handshakeMs, int heartbeatIntervalMs, int heartbeatTimeoutMs, int highWaterMark)
{
    /** Linger 1 s, handshake 2 s, heartbeat every 2 s with a 10 s timeout, 1000 messages per peer. */
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
