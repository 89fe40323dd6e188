package io.ringway.runtime.agent;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How a dispatcher thread waits when it finds no work. Chosen per dispatcher.
 */
public enum Idle
{
    /** Spin on the core: lowest latency, burns a whole core. For latency runs on dedicated cores only. */
    BUSY_SPIN,
    /** Yield the core between polls: low latency, still busy. */
    YIELDING,
    /** Spin, then yield, then park for growing periods up to 1 ms: the default, safe on a small machine. */
    BACKOFF,
    /** Sleep 1 ms between empty polls: for background work that can wait. */
    SLEEPING;

    /** @return a new idle strategy of this kind; each thread needs its own. */
    public IdleStrategy newStrategy()
    {
        switch (this)
        {
            case BUSY_SPIN: return new BusySpinIdleStrategy();
            case YIELDING: return new YieldingIdleStrategy();
            case SLEEPING: return new SleepingMillisIdleStrategy(1);
            default: return new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
        }
    }
}
