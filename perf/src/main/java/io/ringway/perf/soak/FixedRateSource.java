package io.ringway.perf.soak;

import io.ringway.runtime.ring.SendResult;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends numbered ticks at a fixed rate for a fixed time, on the calling thread, losslessly: a back-pressured tick
 * is retried (and counted) until taken; any other refusal ends the run with an exception. Each tick is due at
 * {@code start + sequence * period}; the sender parks until then, and when behind sends at once to catch up, so
 * the rate holds on average and the worst lag is reported.
 * <p>
 * Not thread safe: one run, one thread.
 */
final class FixedRateSource
{
    /** One try at sending one tick. */
    interface TickSink
    {
        /**
         * @param sequence   the tick's number, from 0.
         * @param injectedNs when it was due, on {@code System.nanoTime()}.
         * @return a position, or a negative {@link SendResult} code; BACK_PRESSURED is retried.
         */
        long offer(long sequence, long injectedNs);
    }

    private static final long RETRY_PARK_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long PROGRESS_EVERY_NS = TimeUnit.SECONDS.toNanos(30);

    private long sent;
    private long backPressured;
    private long maxLagNs;

    /**
     * @param sink          where the ticks go.
     * @param ratePerSecond ticks per second.
     * @param durationNs    how long to send.
     * @param progress      where to print a line every 30 s; null for none.
     * @return this source, for its figures.
     * @throws IllegalStateException if the sink refuses a tick other than by back-pressure.
     */
    FixedRateSource run(final TickSink sink, final long ratePerSecond, final long durationNs, final PrintStream progress)
    {
        final long periodNs = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        final long startNs = System.nanoTime();
        final long endNs = startNs + durationNs;
        long nextProgressNs = startNs + PROGRESS_EVERY_NS;
        for (long sequence = 0; ; sequence++)
        {
            final long dueNs = startNs + sequence * periodNs;
            if (dueNs - endNs >= 0)
            {
                break;
            }
            long nowNs;
            while ((nowNs = System.nanoTime()) - dueNs < 0)
            {
                LockSupport.parkNanos(dueNs - nowNs);
            }
            maxLagNs = Math.max(maxLagNs, nowNs - dueNs);
            long result;
            while ((result = sink.offer(sequence, dueNs)) == SendResult.BACK_PRESSURED)
            {
                backPressured++;
                LockSupport.parkNanos(RETRY_PARK_NS);
            }
            if (result < 0)
            {
                throw new IllegalStateException("tick " + sequence + " refused: " + SendResult.describe(result));
            }
            sent++;
            if (null != progress && nowNs - nextProgressNs >= 0)
            {
                nextProgressNs += PROGRESS_EVERY_NS;
                progress.printf("  %,d s: %,d ticks sent, %,d back-pressured tries%n",
                    TimeUnit.NANOSECONDS.toSeconds(nowNs - startNs), sent, backPressured);
            }
        }
        return this;
    }

    /**
     * Adds the source's figures.
     *
     * @param report where to add them.
     */
    void report(final SoakReport report)
    {
        report.put("ticks.sent", sent)
            .put("ticks.backPressuredTries", backPressured)
            .put("source.maxLagMicros", TimeUnit.NANOSECONDS.toMicros(maxLagNs));
    }

    /** @return ticks sent. */
    long sent()
    {
        return sent;
    }
}
