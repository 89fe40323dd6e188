package io.ringway.perf.soak;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The child's end of the tcp soak: takes each tick off the wire, checks its sequence (lost, repeated, reordered on
 * the wire), and hands it to the trading side, waiting while the feed is back-pressured so that nothing is lost:
 * the wait fills this actor's mailbox, which stops the link reading, which pushes back to the sender.
 * <p>
 * Thread safety: {@link #onMessage} on its dispatcher only; the counts from any thread (release stores).
 */
final class TickRelay implements Actor
{
    private final TradingSide side;
    private final IdleStrategy idle;
    private volatile long received;
    private volatile long injected;
    private volatile long duplicated;
    private volatile long outOfOrder;
    private volatile long refused;
    private long expectedSequence;

    TickRelay(final TradingSide side, final IdleStrategy idle)
    {
        this.side = side;
        this.idle = idle;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        received = received + 1;
        final long sequence = buffer.getLong(offset + SoakTickDescriptor.SEQUENCE_OFFSET);
        if (sequence < expectedSequence)
        {
            duplicated = duplicated + 1;
            return;
        }
        if (sequence > expectedSequence)
        {
            outOfOrder = outOfOrder + 1;
        }
        expectedSequence = sequence + 1;
        final long injectedNs = buffer.getLong(offset + SoakTickDescriptor.INJECTED_NS_OFFSET);
        long result;
        idle.reset();
        while ((result = side.inject(sequence, injectedNs)) == SendResult.BACK_PRESSURED)
        {
            idle.idle();
        }
        if (result < 0)
        {
            refused = refused + 1;
            return;
        }
        injected = injected + 1;
    }

    /** @return ticks taken off the wire. */
    long received()
    {
        return received;
    }

    /** @return ticks the trading side accepted. */
    long injected()
    {
        return injected;
    }

    /**
     * Adds the wire's figures.
     *
     * @param report    where to add them.
     * @param ticksSent how many the parent sent.
     */
    void report(final SoakReport report, final long ticksSent)
    {
        report.put("wire.received", received)
            .put("wire.lost", ticksSent - (received - duplicated))
            .put("wire.duplicated", duplicated)
            .put("wire.outOfOrder", outOfOrder)
            .put("wire.refused", refused);
    }
}
