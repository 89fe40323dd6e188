package io.ringway.patterns.examples.trading;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The example's own counts, per {@link Count} and member, and the ticks per strategy and symbol and orders per
 * risk worker and symbol, which show where each symbol went. Kept outside the actors, so they survive restarts.
 * <p>
 * Thread safety: each slot is written by one thread only (the member's dispatcher, or the injecting caller), with
 * release stores and no allocation; read from any thread.
 */
public final class TradingStats
{
    /** Most members of one role. */
    public static final int MAX_MEMBERS = 8;

    private final AtomicLongArray counts = new AtomicLongArray(Count.values().length * MAX_MEMBERS);
    private final AtomicLongArray ticksBySymbol = new AtomicLongArray(MAX_MEMBERS * Symbol.count());
    private final AtomicLongArray ordersBySymbol = new AtomicLongArray(MAX_MEMBERS * Symbol.count());

    /**
     * @param count  what to read.
     * @param member the strategy, risk worker or venue index; 0 for the roles with one member.
     * @return its value.
     */
    public long get(final Count count, final int member)
    {
        return counts.get(count.ordinal() * MAX_MEMBERS + member);
    }

    /**
     * @param count what to read.
     * @return its sum over every member.
     */
    public long get(final Count count)
    {
        long sum = 0;
        for (int member = 0; member < MAX_MEMBERS; member++)
        {
            sum += get(count, member);
        }
        return sum;
    }

    /**
     * @param strategy a strategy's index.
     * @param symbol   a symbol.
     * @return ticks of that symbol the strategy received.
     */
    public long ticks(final int strategy, final Symbol symbol)
    {
        return ticksBySymbol.get(strategy * Symbol.count() + symbol.id());
    }

    /**
     * @param riskWorker a risk worker's index.
     * @param symbol     a symbol.
     * @return orders for that symbol the risk worker received.
     */
    public long orders(final int riskWorker, final Symbol symbol)
    {
        return ordersBySymbol.get(riskWorker * Symbol.count() + symbol.id());
    }

    void increment(final Count count, final int member)
    {
        increment(counts, count.ordinal() * MAX_MEMBERS + member);
    }

    void incrementTicks(final int strategy, final int symbolId)
    {
        increment(ticksBySymbol, strategy * Symbol.count() + symbolId);
    }

    void incrementOrders(final int riskWorker, final int symbolId)
    {
        increment(ordersBySymbol, riskWorker * Symbol.count() + symbolId);
    }

    private static void increment(final AtomicLongArray array, final int index)
    {
        // One writer per slot: a plain read and a release store, no atomic read-modify-write.
        array.lazySet(index, array.get(index) + 1);
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder("TradingStats{");
        for (final Count count : Count.values())
        {
            final long value = get(count);
            if (0 != value)
            {
                text.append(count).append('=').append(value).append(' ');
            }
        }
        return text.append('}').toString();
    }
}
