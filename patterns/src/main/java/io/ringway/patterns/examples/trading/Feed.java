package io.ringway.patterns.examples.trading;

import io.ringway.patterns.fanout.FanOutPublisher;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SlotClaim;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;

import static io.ringway.patterns.examples.trading.MarketDataDescriptor.*;

/**
 * The market data feed: publishes each tick it is given under its symbol's name, encoding it straight into the
 * fan-out's ring ({@code tryClaim}), stamped with the time it was published.
 */
final class Feed implements Actor, Retry.Attempt
{
    private final FanOutPublisher prices;
    private final TradingStats stats;
    private final IdleStrategy idle;
    private final long sendTimeoutNs;
    private final SlotClaim claim = new SlotClaim();
    private DirectBuffer tick;
    private int tickOffset;
    private Symbol symbol;

    Feed(final ActorContext context, final TradingStats stats, final TradingOptions options)
    {
        this.prices = context.attachment(TradingTopology.PRICES, FanOutPublisher.class);
        this.stats = stats;
        this.idle = options.idle().newStrategy();
        this.sendTimeoutNs = options.sendTimeout().toNanos();
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (header.messageType() != TICK_TYPE || length != LENGTH)
        {
            throw new IllegalArgumentException("feed takes ticks of type " + TICK_TYPE + " and " + LENGTH
                + " bytes, not type " + header.messageType() + " of " + length);
        }
        tick = buffer;
        tickOffset = offset;
        symbol = Symbol.of(buffer.getInt(offset + SYMBOL_OFFSET));
        final long result = Retry.untilSent(this, idle, sendTimeoutNs);
        tick = null;
        stats.increment(result >= 0 ? Count.TICKS_PUBLISHED : Count.TICKS_DROPPED, 0);
    }

    @Override
    public long attempt()
    {
        final long result = prices.tryClaim(Symbol.TOPIC_LENGTH + LENGTH, claim);
        if (result >= 0)
        {
            final MutableDirectBuffer slot = claim.buffer();
            slot.putBytes(0, symbol.topic(), 0, Symbol.TOPIC_LENGTH);
            slot.putBytes(Symbol.TOPIC_LENGTH, tick, tickOffset, LENGTH);
            slot.putLong(Symbol.TOPIC_LENGTH + FEED_NS_OFFSET, System.nanoTime());
            claim.topicLength(Symbol.TOPIC_LENGTH).messageType(TICK_TYPE).commit();
        }
        return result;
    }
}
