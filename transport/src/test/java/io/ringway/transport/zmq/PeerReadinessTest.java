package io.ringway.transport.zmq;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerReadinessTest
{
    private final PeerReadiness readiness = new PeerReadiness();

    @Test
    void shouldNotBeReadyWhileTheOnlyConnectionIsHandshaking()
    {
        readiness.onConnected();
        assertFalse(readiness.hasReadyPeer());
        readiness.onHandshaken();
        assertTrue(readiness.hasReadyPeer());
    }

    @Test
    void shouldWaitForTheNextHandshakeWhenAConnectionTimesOutBeforeItsHandshake()
    {
        readiness.onConnected();
        readiness.onDisconnected();
        readiness.onConnected();
        assertFalse(readiness.hasReadyPeer());
        readiness.onHandshaken();
        assertTrue(readiness.hasReadyPeer());
    }

    @Test
    void shouldStopBeingReadyWhenTheHandshakenPeerLeaves()
    {
        readiness.onConnected();
        readiness.onHandshaken();
        readiness.onDisconnected();
        assertFalse(readiness.hasReadyPeer());
    }

    @Test
    void shouldNeverSayNotReadyWhileAHandshakenPeerRemains()
    {
        // Peer X handshaken, peer Y connecting; X leaves but the disconnect is taken as Y's.
        readiness.onConnected();
        readiness.onHandshaken();
        readiness.onConnected();
        readiness.onDisconnected();
        assertTrue(readiness.hasReadyPeer(), "may over-report after a misattributed disconnect");
        // Y completes its handshake and is the one peer left: ready, as it should be.
        readiness.onHandshaken();
        assertTrue(readiness.hasReadyPeer());
    }
}
