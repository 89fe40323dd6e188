package io.ringway.perf.soak;

import io.ringway.patterns.examples.trading.OrderListener;
import io.ringway.patterns.examples.trading.OrderTrace;
import io.ringway.patterns.examples.trading.Symbol;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Checks the orders the gateway accepted against the order promised: each symbol's orders in its sequence, each
 * once. A sequence below the next expected one is a duplicate; above it, a gap (an order skipped, or overtaken).
 * <p>
 * Thread safety: key affinity pins each symbol to one risk worker, so each symbol's slots have one writer thread
 * (release stores, no allocation); read from any thread once the topology is quiet.
 */
final class OrderAudit implements OrderListener
{
    private final AtomicLongArray nextSequence = new AtomicLongArray(Symbol.count());
    private final AtomicLongArray accepted = new AtomicLongArray(Symbol.count());
    private final AtomicLongArray duplicated = new AtomicLongArray(Symbol.count());
    private final AtomicLongArray outOfOrder = new AtomicLongArray(Symbol.count());

    @Override
    public void onOrderAccepted(final OrderTrace trace)
    {
        final int symbolId = trace.symbolId();
        final long sequence = trace.sequence();
        final long expected = nextSequence.get(symbolId);
        accepted.lazySet(symbolId, accepted.get(symbolId) + 1);
        if (sequence < expected)
        {
            duplicated.lazySet(symbolId, duplicated.get(symbolId) + 1);
            return;
        }
        if (sequence > expected)
        {
            outOfOrder.lazySet(symbolId, outOfOrder.get(symbolId) + 1);
        }
        nextSequence.lazySet(symbolId, sequence + 1);
    }

    /** @return orders accepted, every symbol. */
    long accepted()
    {
        return sum(accepted);
    }

    /** @return orders accepted more than once. */
    long duplicated()
    {
        return sum(duplicated);
    }

    /** @return orders accepted after a later one of their symbol. */
    long outOfOrder()
    {
        return sum(outOfOrder);
    }

    private static long sum(final AtomicLongArray values)
    {
        long sum = 0;
        for (int i = 0; i < values.length(); i++)
        {
            sum += values.get(i);
        }
        return sum;
    }
}
