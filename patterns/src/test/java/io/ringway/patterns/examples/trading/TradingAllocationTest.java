package io.ringway.patterns.examples.trading;

import io.ringway.patterns.testing.Await;
import io.ringway.runtime.ring.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The trading topology's steady state allocates nothing on any of its dispatcher threads: ticks fanned out,
 * orders routed by key, gateway round trips and quote gathers, the slow venue's timers included.
 * <p>
 * Measured with the per-thread allocated-bytes counter of every {@code ringway-*} thread, over rounds of several
 * thousand messages: an allocation per message would show as at least 16 bytes times the round's messages in
 * every round, while a one-off JIT event spoils one round at most. So one round under a few hundred bytes proves
 * the path allocates nothing per message.
 */
class TradingAllocationTest
{
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int TICKS_PER_ROUND = 5_000;
    private static final int QUOTES_PER_ROUND = 20;
    private static final int MAX_ROUNDS = 6;
    private static final long ROUND_BUDGET_BYTES = 512;
    private static final Symbol[] TRADED = {Symbol.EURUSD, Symbol.EURJPY, Symbol.USDJPY, Symbol.USDCHF, Symbol.JPYKRW};
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path runtimeDirectory;

    private TradingTopology trading;
    private long ticksInjected;
    private long quotesRequested;

    @AfterEach
    void close()
    {
        if (null != trading)
        {
            trading.close();
        }
    }

    @Test
    void shouldAllocateNothingPerMessageOnAnyDispatcherThread()
    {
        trading = TradingTopology.start(new TradingOptions()
            .runtimeDirectory(runtimeDirectory)
            .quoteDeadline(Duration.ofMillis(20))
            .slowVenueDelay(Duration.ofMillis(40)));
        round(); // warm-up: class loading, first JIT compilations, timer wheel growth
        round();

        final List<Long> allocatedPerRound = new ArrayList<>();
        final long[] threadIds = dispatcherThreadIds();
        assertEquals(5, threadIds.length, "one thread per dispatcher: md, strategies, risk, gateway, quotes");
        do
        {
            final long before = allocatedBy(threadIds);
            round();
            allocatedPerRound.add(allocatedBy(threadIds) - before);
        }
        while (allocatedPerRound.size() < MAX_ROUNDS
            && allocatedPerRound.get(allocatedPerRound.size() - 1) > ROUND_BUDGET_BYTES);

        final long last = allocatedPerRound.get(allocatedPerRound.size() - 1);
        assertTrue(last <= ROUND_BUDGET_BYTES, "bytes allocated per round of " + TICKS_PER_ROUND + " ticks and "
            + QUOTES_PER_ROUND + " quotes, on the dispatcher threads: " + allocatedPerRound);
    }

    /** Sends a round of ticks and quote requests and waits until every order and gather of it has completed. */
    private void round()
    {
        for (int i = 0; i < TICKS_PER_ROUND; i++)
        {
            inject(TRADED[i % TRADED.length]);
            if (i % (TICKS_PER_ROUND / QUOTES_PER_ROUND) == 0)
            {
                requestQuote(TRADED[i % TRADED.length]);
            }
        }
        final TradingStats stats = trading.stats();
        // an order ends accepted, timed out (a loaded host can miss the gateway's deadline), rejected or dropped
        // at risk: each of those ends is a path this test means to cover
        Await.until(() -> stats.get(Count.ORDERS_ACCEPTED) + stats.get(Count.ORDER_TIMEOUTS)
            + stats.get(Count.ORDERS_RISK_REJECTED) + stats.get(Count.ORDERS_DROPPED_AT_RISK) == ticksInjected
            && stats.get(Count.QUOTES_COMPLETED) == quotesRequested, WAIT, stats::toString);
    }

    private void inject(final Symbol symbol)
    {
        final long deadlineNs = System.nanoTime() + WAIT.toNanos();
        long result;
        while ((result = trading.injectMarketData(symbol, 100_000, 10, System.nanoTime())) < 0)
        {
            assertEquals(SendResult.BACK_PRESSURED, result, SendResult.describe(result));
            assertTrue(deadlineNs - System.nanoTime() > 0, "feed back-pressured for too long");
            LockSupport.parkNanos(10_000);
        }
        ticksInjected++;
    }

    private void requestQuote(final Symbol symbol)
    {
        final long deadlineNs = System.nanoTime() + WAIT.toNanos();
        long result;
        while ((result = trading.requestQuote(symbol)) < 0)
        {
            assertEquals(SendResult.BACK_PRESSURED, result, SendResult.describe(result));
            assertTrue(deadlineNs - System.nanoTime() > 0, "quoter back-pressured for too long");
            LockSupport.parkNanos(10_000);
        }
        quotesRequested++;
    }

    private static long[] dispatcherThreadIds()
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith("ringway-"))
            .mapToLong(Thread::getId)
            .toArray();
    }

    private static long allocatedBy(final long[] threadIds)
    {
        long total = 0;
        for (final long allocated : THREADS.getThreadAllocatedBytes(threadIds))
        {
            total += allocated;
        }
        return total;
    }
}
