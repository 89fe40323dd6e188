package io.ringway.patterns.examples.trading;

import io.ringway.patterns.roundrobin.RoundRobinSender;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import static io.ringway.patterns.examples.trading.OrderDescriptor.*;

/**
 * A strategy: receives the ticks of its prefixes from the fan-out and, every {@code orderEvery} ticks, sends an
 * order for the tick's symbol through the key-affinity round-robin, numbered in its symbol's sequence.
 */
final class TradingStrategy implements Actor, Retry.Attempt
{
    private final int index;
    private final RoundRobinSender orders;
    private final TradingStats stats;
    private final IdleStrategy idle;
    private final long sendTimeoutNs;
    private final int orderEvery;
    private final long[] nextSequence = new long[Symbol.count()];
    private final UnsafeBuffer order = new UnsafeBuffer(new byte[ORDER_LENGTH]);
    private long ticks;

    TradingStrategy(final int index, final ActorContext context, final TradingStats stats, final TradingOptions options)
    {
        this.index = index;
        this.orders = context.attachment(TradingTopology.ORDERS, RoundRobinSender.class);
        this.stats = stats;
        this.idle = options.idle().newStrategy();
        this.sendTimeoutNs = options.sendTimeout().toNanos();
        this.orderEvery = options.orderEvery();
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final int symbolId = buffer.getInt(offset + MarketDataDescriptor.SYMBOL_OFFSET);
        stats.incrementTicks(index, symbolId);
        stats.increment(Count.TICKS_RECEIVED, index);
        if (++ticks % orderEvery != 0)
        {
            return;
        }
        order.putInt(SYMBOL_OFFSET, symbolId);
        order.putInt(STRATEGY_OFFSET, index);
        order.putLong(SEQUENCE_OFFSET, nextSequence[symbolId]);
        order.putLong(PRICE_OFFSET, buffer.getLong(offset + MarketDataDescriptor.PRICE_OFFSET));
        order.putLong(QUANTITY_OFFSET, buffer.getLong(offset + MarketDataDescriptor.QUANTITY_OFFSET));
        order.putLong(INJECTED_NS_OFFSET, buffer.getLong(offset + MarketDataDescriptor.INJECTED_NS_OFFSET));
        order.putLong(FEED_NS_OFFSET, buffer.getLong(offset + MarketDataDescriptor.FEED_NS_OFFSET));
        order.putLong(STRATEGY_NS_OFFSET, System.nanoTime());
        if (Retry.untilSent(this, idle, sendTimeoutNs) >= 0)
        {
            nextSequence[symbolId]++;
            stats.increment(Count.ORDERS_SENT, index);
        }
        else
        {
            stats.increment(Count.ORDERS_DROPPED, index);
        }
    }

    @Override
    public long attempt()
    {
        return orders.offer(ORDER_TYPE, 0, order, 0, ORDER_LENGTH);
    }
}
