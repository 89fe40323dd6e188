package io.ringway.perf.soak;

import io.ringway.patterns.examples.trading.Count;
import io.ringway.patterns.examples.trading.Symbol;
import io.ringway.patterns.examples.trading.TradingOptions;
import io.ringway.patterns.examples.trading.TradingStats;
import io.ringway.patterns.examples.trading.TradingTopology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The trading topology set up for a soak: lossless everywhere (strategies' subscriptions, send timeouts and the
 * gateway's timeout far longer than any stall, quantities under the risk limit), every order checked by an
 * {@link OrderAudit}, and a quote gathered every {@value #QUOTE_EVERY_TICKS} ticks.
 * <p>
 * Thread safety: {@link #inject} from one thread at a time; the rest from any thread.
 */
final class TradingSide implements AutoCloseable
{
    /** The symbols some strategy subscribes to: a tick of any other one reaches nobody, by design. */
    static final int SUBSCRIBED_SYMBOLS = Symbol.GBPUSD.id();
    /** A quote request rides along every this many ticks, so the gather is soaked too. */
    static final long QUOTE_EVERY_TICKS = 1_000;
    /** Far above any stall of a loaded machine: a timeout in a soak is a failure, not a tuning question. */
    private static final Duration LOSSLESS_TIMEOUT = Duration.ofSeconds(30);

    private final TradingTopology topology;
    private final OrderAudit audit = new OrderAudit();
    private long quotesRefused;

    /**
     * @param ringSize         of every mailbox and ring.
     * @param runtimeDirectory for the counters file.
     */
    TradingSide(final int ringSize, final Path runtimeDirectory)
    {
        topology = TradingTopology.start(new TradingOptions()
            .ringSize(ringSize)
            .runtimeDirectory(runtimeDirectory)
            .gatewayTimeout(LOSSLESS_TIMEOUT)
            .sendTimeout(LOSSLESS_TIMEOUT)
            .orderListener(audit));
    }

    /**
     * One try at handing the feed a tick; on success, every {@value #QUOTE_EVERY_TICKS}th sequence also asks for a
     * quote. Allocates nothing.
     *
     * @param sequence   the tick's number in the run, from 0.
     * @param injectedNs when it was due.
     * @return a position, or a negative {@link io.ringway.runtime.ring.SendResult} code: BACK_PRESSURED means try
     * again.
     */
    long inject(final long sequence, final long injectedNs)
    {
        final Symbol symbol = Symbol.of((int)(sequence % SUBSCRIBED_SYMBOLS));
        final long result = topology.injectMarketData(symbol, 100_000 + sequence % 1_000, 100, injectedNs);
        if (result >= 0 && sequence % QUOTE_EVERY_TICKS == 0 && topology.requestQuote(symbol) < 0)
        {
            quotesRefused++;
        }
        return result;
    }

    /**
     * Waits until every tick handed in has come out the other end: published, received, ordered, checked,
     * answered, and every quote gathered.
     *
     * @param ticks   how many ticks the feed accepted.
     * @param timeout how long to wait.
     * @return true if quiet; false at the timeout (the figures then show where things stopped).
     */
    boolean awaitQuiet(final long ticks, final Duration timeout)
    {
        final TradingStats stats = topology.stats();
        final BooleanSupplier quiet = () ->
            stats.get(Count.TICKS_INJECTED) == ticks
            && stats.get(Count.TICKS_PUBLISHED) + stats.get(Count.TICKS_DROPPED) == ticks
            && stats.get(Count.TICKS_RECEIVED) == stats.get(Count.TICKS_PUBLISHED)
            && stats.get(Count.ORDERS_SENT) + stats.get(Count.ORDERS_DROPPED) == stats.get(Count.TICKS_RECEIVED)
            && stats.get(Count.ORDERS_RECEIVED) == stats.get(Count.ORDERS_SENT)
            && stats.get(Count.ORDERS_RECEIVED) == stats.get(Count.ORDERS_RISK_REJECTED)
                + stats.get(Count.GATEWAY_REQUESTS) + stats.get(Count.ORDERS_DROPPED_AT_RISK)
            && stats.get(Count.GATEWAY_REQUESTS) == stats.get(Count.ORDERS_ACCEPTED) + stats.get(Count.ORDER_TIMEOUTS)
            && audit.accepted() == stats.get(Count.ORDERS_ACCEPTED)
            && stats.get(Count.QUOTES_COMPLETED) == stats.get(Count.QUOTES_REQUESTED);
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!quiet.getAsBoolean())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    /**
     * Adds this side's figures: ticks received and lost against those sent, and orders and quotes checked.
     *
     * @param report    where to add them.
     * @param ticksSent ticks the source handed in.
     */
    void report(final SoakReport report, final long ticksSent)
    {
        final TradingStats stats = topology.stats();
        final long received = stats.get(Count.TICKS_RECEIVED);
        // One order per tick (orderEvery 1), each accepted exactly once, in its symbol's sequence.
        final long acceptedOnce = audit.accepted() - audit.duplicated();
        report.put("ticks.received", received)
            .put("ticks.lost", ticksSent - received)
            .put("ticks.dropped", stats.get(Count.TICKS_DROPPED))
            .put("orders.sent", stats.get(Count.ORDERS_SENT))
            .put("orders.accepted", audit.accepted())
            .put("orders.lost", received - acceptedOnce)
            .put("orders.duplicated", audit.duplicated())
            .put("orders.outOfOrder", audit.outOfOrder() + stats.get(Count.ORDERS_OUT_OF_ORDER))
            .put("orders.dropped", stats.get(Count.ORDERS_DROPPED) + stats.get(Count.ORDERS_DROPPED_AT_RISK)
                + stats.get(Count.ORDER_TIMEOUTS) + stats.get(Count.ORDERS_RISK_REJECTED))
            .put("orders.held", stats.get(Count.ORDERS_HELD))
            .put("quotes.requested", stats.get(Count.QUOTES_REQUESTED))
            .put("quotes.completed", stats.get(Count.QUOTES_COMPLETED))
            .put("quotes.lost", stats.get(Count.QUOTES_REQUESTED) - stats.get(Count.QUOTES_COMPLETED))
            .put("quotes.refused", quotesRefused + stats.get(Count.QUOTES_REFUSED))
            .put("quotes.slowVenueMissing", stats.get(Count.VENUE_MISSING, TradingTopology.SLOW_VENUE));
    }

    @Override
    public void close()
    {
        topology.close();
    }
}
