package io.ringway.transport.zmq;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections that close before their greeting are refusals; greeted ones are not, and when it cannot tell, it
 * does not count.
 */
class GreetingRefusalsTest
{
    private final GreetingRefusals refusals = new GreetingRefusals();

    @Test
    void shouldTakeAConnectionClosedBeforeItsGreetingAsRefused()
    {
        refusals.onConnected();
        assertTrue(refusals.onDisconnected());
    }

    @Test
    void shouldNotCountAGreetedConnectionThatCloses()
    {
        refusals.onConnected();
        refusals.onGreeted();
        assertFalse(refusals.onDisconnected());
    }

    @Test
    void shouldTakeAnAmbiguousCloseAsAGreetedOne()
    {
        refusals.onConnected();
        refusals.onGreeted();
        refusals.onConnected();
        assertFalse(refusals.onDisconnected(), "one greeted and one waiting: not counted, never too high");
        assertTrue(refusals.onDisconnected(), "only the waiting one is left: it was refused");
    }

    @Test
    void shouldIgnoreACloseWithNoConnectionOpen()
    {
        assertFalse(refusals.onDisconnected());
    }
}
