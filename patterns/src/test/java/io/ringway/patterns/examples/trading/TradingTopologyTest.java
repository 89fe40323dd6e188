package io.ringway.patterns.examples.trading;

import io.ringway.patterns.gather.GatherResult;
import io.ringway.patterns.testing.Await;
import io.ringway.runtime.CloseReport;
import io.ringway.runtime.ring.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import static io.ringway.patterns.examples.trading.Count.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The trading example end to end, on its own dispatcher threads with backoff idle strategies: routing by prefix,
 * per-symbol order through the risk workers, a reply or a counted timeout for every order, quotes at the deadline
 * naming the slow venue, and every tick and order accounted for under a burst.
 */
class TradingTopologyTest
{
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Symbol[] TRADED = {Symbol.EURUSD, Symbol.EURJPY, Symbol.USDJPY, Symbol.USDCHF, Symbol.JPYKRW};

    @TempDir
    Path runtimeDirectory;

    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private TradingTopology trading;

    private TradingOptions options()
    {
        return new TradingOptions().runtimeDirectory(runtimeDirectory).errorHandler(errors::add);
    }

    @AfterEach
    void closeAndCheckNothingWasDiscarded()
    {
        if (null != trading)
        {
            trading.close();
            final CloseReport report = trading.ringway().closeReport();
            assertTrue(report.drained(), report::toString);
            assertEquals(0, report.discarded(), report::toString);
        }
        assertEquals(List.of(), errors, "no actor may fail");
    }

    @Test
    void shouldRouteEachSymbolOnlyToTheStrategyOfItsPrefix()
    {
        trading = TradingTopology.start(options());
        final int rounds = 100;
        for (int round = 0; round < rounds; round++)
        {
            // Backwards, so that the unsubscribed GBPUSD is never the last tick a strategy has to read past.
            for (int i = Symbol.count() - 1; i >= 0; i--)
            {
                inject(Symbol.of(i), 10);
            }
        }
        awaitCount(ORDERS_ACCEPTED, rounds * TRADED.length);

        final TradingStats stats = trading.stats();
        assertEquals(rounds * Symbol.count(), stats.get(TICKS_PUBLISHED));
        for (final Symbol symbol : Symbol.values())
        {
            final boolean eur = symbol.name().startsWith("EUR");
            final boolean usdJpy = symbol.name().startsWith("USD") || symbol.name().startsWith("JPY");
            assertEquals(eur ? rounds : 0, stats.ticks(0, symbol), "EUR strategy, " + symbol);
            assertEquals(usdJpy ? rounds : 0, stats.ticks(1, symbol), "USD/JPY strategy, " + symbol);
        }
        assertEquals(2 * rounds, stats.get(TICKS_RECEIVED, 0));
        assertEquals(3 * rounds, stats.get(TICKS_RECEIVED, 1));
    }

    @Test
    void shouldKeepEachSymbolsOrdersInSequenceAtOneRiskWorker()
    {
        final int workers = 3;
        final AtomicLongArray nextAccepted = new AtomicLongArray(Symbol.count());
        final AtomicLongArray outOfSequence = new AtomicLongArray(1);
        trading = TradingTopology.start(options().riskWorkers(workers).orderListener(trace ->
        {
            // Replies come back in the order the gateway read the requests: each symbol's in its sequence.
            if (trace.sequence() != nextAccepted.getAndIncrement(trace.symbolId()))
            {
                outOfSequence.incrementAndGet(0);
            }
        }));
        final int perSymbol = 2_000;
        for (int i = 0; i < perSymbol; i++)
        {
            for (final Symbol symbol : TRADED)
            {
                inject(symbol, 10);
            }
        }
        awaitCount(ORDERS_ACCEPTED, perSymbol * TRADED.length);

        final TradingStats stats = trading.stats();
        assertEquals(0, stats.get(ORDERS_OUT_OF_ORDER), "orders out of their symbol's sequence at a risk worker");
        assertEquals(0, outOfSequence.get(0), "replies out of their symbol's sequence");
        final boolean[] used = new boolean[workers];
        for (final Symbol symbol : TRADED)
        {
            int holders = 0;
            for (int worker = 0; worker < workers; worker++)
            {
                final long orders = stats.orders(worker, symbol);
                if (orders > 0)
                {
                    holders++;
                    used[worker] = true;
                    assertEquals(perSymbol, orders, symbol + " at risk" + worker);
                }
            }
            assertEquals(1, holders, symbol + " must go to exactly one risk worker");
        }
        int workersUsed = 0;
        for (final boolean inUse : used)
        {
            workersUsed += inUse ? 1 : 0;
        }
        assertTrue(workersUsed > 1, "five symbols spread over more than one of " + workers + " workers");
    }

    @Test
    void shouldEndEveryOrderInAGatewayReplyOrACountedTimeout()
    {
        // 160 in flight per worker: the worker with three of the five symbols (180 orders while paused) must hold
        // some back until timeouts free room, and with all five (300) it still has room to hold them.
        trading = TradingTopology.start(options().gatewayTimeout(Duration.ofMillis(50)).maxOrdersInFlight(160));
        final TradingStats stats = trading.stats();
        injectRound(40);
        awaitCount(ORDERS_ACCEPTED, 200);

        assertTrue(trading.pauseGateway() >= 0);
        injectRound(60);
        awaitCount(ORDER_TIMEOUTS, 300);
        assertEquals(200, stats.get(ORDERS_ACCEPTED), "a paused gateway accepts nothing");
        assertEquals(300, stats.get(GATEWAY_IGNORED));
        long requesterTimeouts = 0;
        for (int worker = 0; worker < 2; worker++)
        {
            requesterTimeouts += trading.counter("actor risk" + worker + ".execution: timeouts");
        }
        assertEquals(300, requesterTimeouts, "the request-reply operator counts the same timeouts");
        assertTrue(stats.get(ORDERS_HELD) > 0, "orders beyond those in flight were held, not dropped: " + stats);

        assertTrue(trading.resumeGateway() >= 0);
        injectRound(20);
        awaitCount(ORDERS_ACCEPTED, 300);
        assertEquals(600, stats.get(GATEWAY_REQUESTS));
        assertEquals(stats.get(GATEWAY_REQUESTS), stats.get(ORDERS_ACCEPTED) + stats.get(ORDER_TIMEOUTS));
        assertEquals(0, stats.get(ORDERS_DROPPED_AT_RISK));
    }

    @Test
    void shouldCompleteEachQuoteAtItsDeadlineNamingTheSlowVenue()
    {
        // Long enough that the fast venues answer in time even on a loaded machine.
        final Duration deadline = Duration.ofMillis(100);
        final List<String> results = Collections.synchronizedList(new ArrayList<>());
        trading = TradingTopology.start(options()
            .quoteDeadline(deadline)
            .slowVenueDelay(deadline.multipliedBy(3))
            .quoteListener((requestedNs, completedNs, result) -> results.add(describe(result)
                + (completedNs - requestedNs >= deadline.toNanos() ? " at or after the deadline" : " early"))));
        final int quotes = 5;
        for (int i = 0; i < quotes; i++)
        {
            assertTrue(trading.requestQuote(TRADED[i]) >= 0);
        }
        Await.until(() -> results.size() == quotes, WAIT, results::toString);

        for (final String result : results)
        {
            assertEquals("answered [venue0, venue1] missing [venueSlow] deadline passed at or after the deadline",
                result);
        }
        assertEquals(quotes, trading.stats().get(VENUE_MISSING, TradingTopology.SLOW_VENUE));
        assertEquals(quotes, trading.stats().get(QUOTES_EXPIRED));
        // The slow venue does answer, late: the gather drops and counts every one of those replies.
        Await.until(() -> trading.counter("actor quoter.quotes: late replies") == quotes, WAIT,
            () -> "late replies " + trading.counter("actor quoter.quotes: late replies"));
        assertEquals(quotes, trading.stats().get(VENUE_QUOTES, TradingTopology.SLOW_VENUE));
    }

    @Test
    void shouldCompleteQuotesBeforeTheDeadlineWhenEveryVenueIsFast()
    {
        final Duration deadline = Duration.ofSeconds(10);
        final List<String> results = Collections.synchronizedList(new ArrayList<>());
        trading = TradingTopology.start(options()
            .quoteDeadline(deadline)
            .slowVenueDelay(Duration.ZERO)
            .quoteListener((requestedNs, completedNs, result) -> results.add(describe(result)
                + (completedNs - requestedNs < deadline.toNanos() ? " before the deadline" : " late"))));
        final int quotes = 5;
        for (int i = 0; i < quotes; i++)
        {
            assertTrue(trading.requestQuote(TRADED[i]) >= 0);
        }
        Await.until(() -> results.size() == quotes, WAIT, results::toString);

        for (final String result : results)
        {
            assertEquals("answered [venue0, venue1, venueSlow] missing [] before the deadline", result);
        }
        assertEquals(0, trading.stats().get(QUOTES_EXPIRED));
        assertEquals(0, trading.counter("actor quoter.quotes: late replies"));
    }

    @Test
    void shouldAccountForEveryTickAndOrderUnderABurst()
    {
        final long maxQuantity = 100;
        // Small rings, so that every hop is back-pressured, up to the caller.
        trading = TradingTopology.start(options()
            .ringSize(64)
            .maxOrderQuantity(maxQuantity)
            .gatewayTimeout(Duration.ofSeconds(30)));
        final int ticks = 60_000;
        long traded = 0;
        long overLimit = 0;
        for (int i = 0; i < ticks; i++)
        {
            final Symbol symbol = Symbol.of(i % Symbol.count());
            final long quantity = i % 7 == 0 ? maxQuantity + 1 : 1 + i % 50;
            if (symbol != Symbol.GBPUSD)
            {
                traded++;
                overLimit += quantity > maxQuantity ? 1 : 0;
            }
            inject(symbol, quantity);
        }
        final long expectedRequests = traded - overLimit;
        final TradingStats stats = trading.stats();
        awaitCount(ORDERS_ACCEPTED, expectedRequests);
        assertEquals(overLimit, stats.get(ORDERS_RISK_REJECTED));

        assertEquals(ticks, stats.get(TICKS_INJECTED));
        assertEquals(ticks, stats.get(TICKS_PUBLISHED));
        assertEquals(0, stats.get(TICKS_DROPPED));
        assertEquals(traded, stats.get(TICKS_RECEIVED));
        assertEquals(traded, stats.get(ORDERS_SENT));
        assertEquals(0, stats.get(ORDERS_DROPPED));
        assertEquals(traded, stats.get(ORDERS_RECEIVED));
        assertEquals(0, stats.get(ORDERS_OUT_OF_ORDER));
        assertEquals(expectedRequests, stats.get(GATEWAY_REQUESTS));
        assertEquals(0, stats.get(ORDERS_DROPPED_AT_RISK));
        assertEquals(expectedRequests, stats.get(GATEWAY_RECEIVED));
        assertEquals(0, stats.get(ORDER_TIMEOUTS));
        assertEquals(0, stats.get(GATEWAY_REPLY_FAILED));
        assertTrue(stats.get(TICKS_REFUSED) > 0, "the burst must have met back-pressure: " + stats);
    }

    private void injectRound(final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            for (final Symbol symbol : TRADED)
            {
                inject(symbol, 10);
            }
        }
    }

    /** Injects one tick, waiting while the feed is back-pressured, as a paced sender would. */
    private void inject(final Symbol symbol, final long quantity)
    {
        final long deadlineNs = System.nanoTime() + WAIT.toNanos();
        long result;
        while ((result = trading.injectMarketData(symbol, 100_000, quantity, System.nanoTime())) < 0)
        {
            assertEquals(SendResult.BACK_PRESSURED, result, SendResult.describe(result));
            assertTrue(deadlineNs - System.nanoTime() > 0, "feed back-pressured for too long");
            LockSupport.parkNanos(10_000);
        }
    }

    private void awaitCount(final Count count, final long expected)
    {
        Await.until(() -> trading.stats().get(count) >= expected, WAIT, () -> trading.stats().toString());
        assertEquals(expected, trading.stats().get(count), count.name());
    }

    private static String describe(final GatherResult result)
    {
        final List<String> answered = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        for (int i = 0; i < result.memberCount(); i++)
        {
            (result.answered(i) ? answered : missing).add(result.memberName(i));
        }
        return "answered " + answered + " missing " + missing + (result.deadlinePassed() ? " deadline passed" : "");
    }
}
