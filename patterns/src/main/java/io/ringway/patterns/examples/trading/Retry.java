package io.ringway.patterns.examples.trading;

import io.ringway.runtime.ring.SendResult;
import org.agrona.concurrent.IdleStrategy;

/**
 * Retries a back-pressured send from inside a handler, waiting with the dispatcher's kind of idle strategy, for
 * at most a timeout. Holding the handler turns a full receiver into back-pressure on this actor's own mailbox, and
 * so on up to the caller. Safe only where the receiver runs on another dispatcher and never waits on the sender:
 * here the feed waits on the strategies, the strategies on the risk workers, the risk workers on the gateway's
 * mailbox, and the gateway waits on nobody.
 */
final class Retry
{
    /** One try of a send, implemented by the sending actor so that retrying allocates nothing. */
    interface Attempt
    {
        /** @return a position, or a negative {@link SendResult} code. */
        long attempt();
    }

    private Retry()
    {
    }

    /**
     * @param attempt   the send.
     * @param idle      how to wait between tries; the calling thread's own.
     * @param timeoutNs how long to keep trying while back-pressured.
     * @return the first result that is not {@link SendResult#BACK_PRESSURED}, or BACK_PRESSURED at the timeout.
     */
    static long untilSent(final Attempt attempt, final IdleStrategy idle, final long timeoutNs)
    {
        long result = attempt.attempt();
        if (result != SendResult.BACK_PRESSURED)
        {
            return result;
        }
        final long deadlineNs = System.nanoTime() + timeoutNs;
        idle.reset();
        while ((result = attempt.attempt()) == SendResult.BACK_PRESSURED && deadlineNs - System.nanoTime() > 0)
        {
            idle.idle();
        }
        return result;
    }
}
