package io.ringway.perf.demo;

import io.ringway.patterns.examples.trading.Count;
import io.ringway.patterns.examples.trading.Symbol;
import io.ringway.patterns.examples.trading.TradingOptions;
import io.ringway.patterns.examples.trading.TradingStats;
import io.ringway.patterns.examples.trading.TradingTopology;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.SendResult;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the trading topology ({@link TradingTopology}) at a fixed tick rate for a fixed time and measures every
 * order's latency per hop and end to end ({@link HopLatencies}).
 * <p>
 * The caller's thread is the market: tick {@code i} is due at {@code start + i / rate} and carries that intended
 * time as its injection stamp, whenever it is actually sent. If the feed back-pressures or the sender falls
 * behind, later ticks are sent as soon as possible and their latencies include the wait. Each tick's symbol is
 * one a strategy subscribes to, with a quantity under the risk limit, so every tick should become one accepted
 * order: any that does not is a loss, and the result counts where it went.
 * <p>
 * Not thread safe: {@link #run} from one thread.
 */
public final class TradingDemo
{
    /** Largest latency recorded: anything slower is recorded as this. */
    static final long HIGHEST_NS = TimeUnit.SECONDS.toNanos(60);

    /** How long, after the last tick, the orders in flight have to complete. */
    static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private static final long PRICE = 100_000;
    private static final long QUANTITY = 10;
    private static final long PROGRESS_EVERY_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_PARK_NS = TimeUnit.MICROSECONDS.toNanos(50);

    private final long ratePerSecond;
    private final long durationNs;
    private final Idle idle;
    private final int riskWorkers;
    private final Path runtimeDirectory;

    /**
     * @param ratePerSecond    ticks per second, at least 1.
     * @param durationNs       how long to send for.
     * @param idle             how the topology's dispatchers, and this sender between ticks, wait.
     * @param riskWorkers      risk workers sharing the orders by symbol.
     * @param runtimeDirectory where the runtime writes its counters file.
     */
    public TradingDemo(
        final long ratePerSecond,
        final long durationNs,
        final Idle idle,
        final int riskWorkers,
        final Path runtimeDirectory)
    {
        this.ratePerSecond = ratePerSecond;
        this.durationNs = durationNs;
        this.idle = idle;
        this.riskWorkers = riskWorkers;
        this.runtimeDirectory = runtimeDirectory;
    }

    /**
     * @param progress where a line goes every second.
     * @return the counts and latencies.
     * @throws io.ringway.runtime.errors.ConfigurationException if the topology's options are out of range.
     */
    public DemoResult run(final PrintStream progress)
    {
        final HopLatencies latencies = new HopLatencies(HIGHEST_NS);
        final List<Throwable> errors = new ArrayList<>();
        final Symbol[] symbols = routedSymbols();
        long ticks = 0;
        long backPressured = 0;
        try (TradingTopology trading = TradingTopology.start(new TradingOptions()
            .idle(idle)
            .riskWorkers(riskWorkers)
            .runtimeDirectory(runtimeDirectory)
            .errorHandler(error ->
            {
                synchronized (errors)
                {
                    errors.add(error);
                }
            })
            .orderListener(latencies)))
        {
            final TradingStats stats = trading.stats();
            final double periodNs = 1e9 / ratePerSecond;
            final long startNs = System.nanoTime();
            long nextProgressNs = startNs + PROGRESS_EVERY_NS;
            long intendedNs = startNs;
            while (intendedNs - startNs < durationNs)
            {
                awaitTime(intendedNs);
                final Symbol symbol = symbols[(int)(ticks % symbols.length)];
                long result;
                while ((result = trading.injectMarketData(symbol, PRICE, QUANTITY, intendedNs))
                    == SendResult.BACK_PRESSURED)
                {
                    backPressured++;
                    pause();
                }
                if (result < 0)
                {
                    throw new IllegalStateException("the feed refused a tick: " + SendResult.describe(result));
                }
                ticks++;
                intendedNs = startNs + (long)(ticks * periodNs);
                if (System.nanoTime() - nextProgressNs >= 0)
                {
                    progress.printf("  %2d s: %,d ticks sent, %,d orders accepted%n",
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs), ticks,
                        stats.get(Count.ORDERS_ACCEPTED));
                    nextProgressNs += PROGRESS_EVERY_NS;
                }
            }
            awaitOrders(stats, ticks);
            return new DemoResult(ticks, backPressured, stats, latencies.histograms(), List.copyOf(errors));
        }
    }

    /** @return the symbols a strategy subscribes to (the topics "EUR", "USD" and "JPY"). */
    static Symbol[] routedSymbols()
    {
        final List<Symbol> routed = new ArrayList<>();
        for (final Symbol symbol : Symbol.values())
        {
            final String name = symbol.name();
            if (name.startsWith("EUR") || name.startsWith("USD") || name.startsWith("JPY"))
            {
                routed.add(symbol);
            }
        }
        return routed.toArray(new Symbol[0]);
    }

    private void awaitTime(final long intendedNs)
    {
        long remainingNs;
        while ((remainingNs = intendedNs - System.nanoTime()) > 0)
        {
            if (idle == Idle.BUSY_SPIN)
            {
                Thread.onSpinWait();
            }
            else
            {
                LockSupport.parkNanos(Math.min(remainingNs, MAX_PARK_NS));
            }
        }
    }

    private void pause()
    {
        if (idle == Idle.BUSY_SPIN)
        {
            Thread.onSpinWait();
        }
        else
        {
            LockSupport.parkNanos(1);
        }
    }

    /** Waits until every tick has ended in an order that was accepted, timed out or dropped, or until timeout. */
    private static void awaitOrders(final TradingStats stats, final long ticks)
    {
        final long deadlineNs = System.nanoTime() + DRAIN_TIMEOUT_NS;
        while (DemoResult.ended(stats) < ticks && deadlineNs - System.nanoTime() > 0)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /**
     * The demo's outcome: ticks sent, orders accepted and lost, and each hop's latencies.
     *
     * @param ticks         ticks sent, each one due to become an accepted order.
     * @param backPressured times the feed refused a tick and the sender tried again (a wait, not a loss).
     * @param accepted      orders the gateway accepted.
     * @param timedOut      orders whose gateway reply did not come by its deadline.
     * @param dropped       ticks or orders dropped on the way (feed, strategies, risk) or rejected by risk.
     * @param latenciesNs   each hop's latencies, then end to end, in nanoseconds.
     * @param errors        what actors threw.
     */
    public record DemoResult(
        long ticks,
        long backPressured,
        long accepted,
        long timedOut,
        long dropped,
        Map<String, Histogram> latenciesNs,
        List<Throwable> errors)
    {
        DemoResult(
            final long ticks,
            final long backPressured,
            final TradingStats stats,
            final Map<String, Histogram> latenciesNs,
            final List<Throwable> errors)
        {
            this(ticks, backPressured, stats.get(Count.ORDERS_ACCEPTED), stats.get(Count.ORDER_TIMEOUTS),
                dropped(stats), latenciesNs, errors);
        }

        /** @return ticks that did not become an accepted order. */
        public long lost()
        {
            return ticks - accepted;
        }

        static long ended(final TradingStats stats)
        {
            return stats.get(Count.ORDERS_ACCEPTED) + stats.get(Count.ORDER_TIMEOUTS) + dropped(stats);
        }

        private static long dropped(final TradingStats stats)
        {
            return stats.get(Count.TICKS_DROPPED) + stats.get(Count.ORDERS_DROPPED)
                + stats.get(Count.ORDERS_RISK_REJECTED) + stats.get(Count.ORDERS_DROPPED_AT_RISK);
        }
    }
}
