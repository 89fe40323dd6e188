package io.ringway.transport.zmq;

/**
 * Tells, from a CURVE server's monitor events, the connections refused at the ZMTP greeting: JeroMQ 0.6.0 closes
 * a peer that does not offer CURVE (a plain NULL client, ZMTP 1.0 or 2.0, or no greeting at all) while reading its
 * greeting, and raises no event for it but {@code DISCONNECTED}; libzmq's {@code HANDSHAKE_FAILED_*} events are
 * not raised there. A connection that closes before its greeting completed ({@code HANDSHAKE_PROTOCOL}) is
 * therefore one of these.
 * <p>
 * The greeting event does not say which connection greeted, so counts are kept, not connections: when one closes
 * while greeted and ungreeted ones are open, it is taken as greeted. The count of refusals is then never too high,
 * and exact again once no connection is waiting for its greeting (each waits at most the handshake bound).
 * <p>
 * Thread safety: the link's thread only.
 */
final class GreetingRefusals
{
    private int awaitingGreeting;
    private int greeted;

    /** A connection was accepted or made. */
    void onConnected()
    {
        awaitingGreeting++;
    }

    /** A connection completed its greeting. */
    void onGreeted()
    {
        if (awaitingGreeting > 0)
        {
            awaitingGreeting--;
        }
        greeted++;
    }

    /**
     * A connection closed.
     *
     * @return true if it is taken as refused at its greeting.
     */
    boolean onDisconnected()
    {
        if (greeted > 0)
        {
            greeted--;
            return false;
        }
        if (awaitingGreeting > 0)
        {
            awaitingGreeting--;
            return true;
        }
        return false;
    }
}
