package io.ringway.perf.demo;

import io.ringway.patterns.examples.trading.OrderListener;
import io.ringway.patterns.examples.trading.OrderTrace;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records each accepted order's per-hop and end-to-end latencies into HdrHistogram {@link Recorder}s, from the
 * hop stamps of its {@link OrderTrace}. The end-to-end latency starts at the tick's intended send time (the
 * demo stamps that, not the time it got round to sending), so a stalled sender or a back-pressured feed shows
 * up in the figures instead of hiding: no coordinated omission.
 * <p>
 * Thread safety: {@link #onOrderAccepted} from any number of risk worker threads (Recorder is wait-free for
 * writers, and allocates nothing once built); {@link #histograms()} from one reader thread.
 */
final class HopLatencies implements OrderListener
{
    /** The hops, in path order, then end to end. */
    static final String[] HOPS = {
        "inject -> feed", "feed -> strategy", "strategy -> risk", "risk -> gateway", "gateway -> risk (reply)",
        "end to end"};

    private static final int SIGNIFICANT_DIGITS = 3;

    private final long highestNs;
    private final Recorder[] recorders = new Recorder[HOPS.length];

    /**
     * @param highestNs the largest latency to record; larger ones are recorded as this (counted, not lost).
     */
    HopLatencies(final long highestNs)
    {
        this.highestNs = highestNs;
        for (int i = 0; i < recorders.length; i++)
        {
            recorders[i] = new Recorder(1, highestNs, SIGNIFICANT_DIGITS);
        }
    }

    @Override
    public void onOrderAccepted(final OrderTrace trace)
    {
        record(0, trace.feedNs() - trace.injectedNs());
        record(1, trace.strategyNs() - trace.feedNs());
        record(2, trace.riskNs() - trace.strategyNs());
        record(3, trace.gatewayNs() - trace.riskNs());
        record(4, trace.completedNs() - trace.gatewayNs());
        record(5, trace.completedNs() - trace.injectedNs());
    }

    private void record(final int hop, final long latencyNs)
    {
        // Stamps from different threads can be a few ns out of order; HdrHistogram's floor is 1.
        recorders[hop].recordValue(Math.max(1, Math.min(latencyNs, highestNs)));
    }

    /**
     * @return each hop's latencies in nanoseconds since the last call, in {@link #HOPS} order.
     */
    Map<String, Histogram> histograms()
    {
        final Map<String, Histogram> histograms = new LinkedHashMap<>();
        for (int i = 0; i < HOPS.length; i++)
        {
            histograms.put(HOPS[i], recorders[i].getIntervalHistogram());
        }
        return histograms;
    }
}
