package io.ringway.transport.zmq;

import org.junit.jupiter.api.Test;
import zmq.util.MultiMap;

import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the JeroMQ 0.6.0 behaviour behind {@link LinkSockets#pingIntervalMs}: its poller keeps timers in a
 * {@link MultiMap} and cancels one by flagging it, leaving its removal to a later pass; a timer added again with
 * the same engine and id is equal to the flagged one, and the map keeps the flagged object as the entry's key, so
 * the pass that removes "the cancelled timer" removes the live one. Should this fail after a JeroMQ upgrade, the
 * ping period workaround may no longer be needed.
 */
class JeromqTimerKeyTest
{
    private static final int HEARTBEAT_TIMEOUT_TIMER_ID = 0x82;

    @Test
    void shouldKeepACancelledTimerAsTheKeyOfAnEqualTimerAddedAgainSoRemovingItRemovesTheLiveOne()
    {
        final Object engine = new Object();
        final MultiMap<Long, Timer> timers = new MultiMap<>();
        final Timer cancelled = new Timer(engine, HEARTBEAT_TIMEOUT_TIMER_ID);
        timers.insert(400L, cancelled);
        cancelled.cancelled = true; // PollerBase.cancelTimer: flagged, removed later
        timers.insert(500L, new Timer(engine, HEARTBEAT_TIMEOUT_TIMER_ID)); // the next PING's timeout

        final Map.Entry<Timer, Long> entry = timers.entries().iterator().next();
        assertEquals(500L, entry.getValue(), "the entry moved to the new expiry");
        assertSame(cancelled, entry.getKey(), "but its key is still the flagged timer");
        // PollerBase.executeTimers: a flagged key is removed, by equality, which takes the live timer with it.
        assertTrue(timers.remove(entry.getValue(), entry.getKey()));
        assertTrue(timers.isEmpty(), "no heartbeat timeout timer left");
    }

    /** The shape of JeroMQ's private PollerBase.TimerInfo: equal by owner and id, with a cancelled flag. */
    private static final class Timer
    {
        private final Object sink;
        private final int id;
        private boolean cancelled;

        Timer(final Object sink, final int id)
        {
            this.sink = sink;
            this.id = id;
        }

        @Override
        public boolean equals(final Object other)
        {
            return other instanceof Timer && ((Timer)other).id == id && ((Timer)other).sink.equals(sink);
        }

        @Override
        public int hashCode()
        {
            return Objects.hash(sink, id);
        }
    }
}
