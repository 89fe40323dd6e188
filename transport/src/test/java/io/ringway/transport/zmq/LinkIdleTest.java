package io.ringway.transport.zmq;

import io.ringway.runtime.agent.Idle;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkIdleTest
{
    @Test
    void shouldParkABackoffLinkAtMost250Microseconds()
    {
        final IdleStrategy strategy = ZmqLink.idleStrategy(Idle.BACKOFF);

        assertInstanceOf(BackoffIdleStrategy.class, strategy);
        assertTrue(strategy.toString().contains("maxParkPeriodNs=250000"), strategy.toString());
    }

    @Test
    void shouldGiveTheOtherChoicesTheDispatchersStrategies()
    {
        assertInstanceOf(BusySpinIdleStrategy.class, ZmqLink.idleStrategy(Idle.BUSY_SPIN));
        assertInstanceOf(YieldingIdleStrategy.class, ZmqLink.idleStrategy(Idle.YIELDING));
        assertInstanceOf(SleepingMillisIdleStrategy.class, ZmqLink.idleStrategy(Idle.SLEEPING));
    }

    @Test
    void shouldGiveEachLinkThreadAStrategyOfItsOwn()
    {
        assertNotSame(ZmqLink.idleStrategy(Idle.BACKOFF), ZmqLink.idleStrategy(Idle.BACKOFF));
    }
}
