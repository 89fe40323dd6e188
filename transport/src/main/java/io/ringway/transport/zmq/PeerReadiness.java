package io.ringway.transport.zmq;

/**
 * Whether a link's socket has a peer that finished its ZMTP handshake, followed from the socket's monitor events.
 * <p>
 * Why: JeroMQ 0.6.0 (like libzmq before 4.3.3) attaches a bound socket's pipe to a new connection before the
 * handshake completes. A message sent then sits in a pipe that dies with the connection if the handshake times
 * out, and is lost although the socket took it. Outbound paths therefore wait for a handshaken peer.
 * <p>
 * The monitor does not say which connection a disconnect belongs to, so one is taken as a pending connection
 * while any is pending. The error is one-sided: {@link #hasReadyPeer()} may say true when no peer is ready
 * (then the socket refuses or behaves as before), never false when one is.
 * <p>
 * Thread safety: the link's thread only.
 */
final class PeerReadiness
{
    private int pending;
    private int ready;

    /** A connection was accepted or made: its handshake has not completed. */
    void onConnected()
    {
        pending++;
    }

    /** A connection completed its handshake. */
    void onHandshaken()
    {
        if (pending > 0)
        {
            pending--;
        }
        ready++;
    }

    /** A connection closed, handshaken or not. */
    void onDisconnected()
    {
        if (pending > 0)
        {
            pending--;
        }
        else if (ready > 0)
        {
            ready--;
        }
    }

    /**
     * @return true if at least one connection may have completed its handshake and is still open.
     */
    boolean hasReadyPeer()
    {
        return ready > 0;
    }
}
