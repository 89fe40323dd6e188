package io.ringway.perf.report;

import org.HdrHistogram.Histogram;

/**
 * One system's figures on one benchmark of a suite: a throughput, or a latency histogram, or both.
 * Immutable once built; the histogram must not be changed after it is handed over.
 */
public final class Measurement
{
    private final String benchmark;
    private final String system;
    private final double mopsPerSecond;
    private final Histogram latencyNs;
    private final double bytesPerOp;

    /**
     * @param benchmark     the benchmark (a row of the table), e.g. {@code ping-pong}.
     * @param system        the system measured, e.g. {@code Ringway}.
     * @param mopsPerSecond millions of operations per second, or {@code NaN} if not measured.
     * @param latencyNs     every sampled latency in nanoseconds, or null if not measured.
     * @param bytesPerOp    bytes allocated per operation, or {@code NaN} if not measured.
     */
    public Measurement(
        final String benchmark,
        final String system,
        final double mopsPerSecond,
        final Histogram latencyNs,
        final double bytesPerOp)
    {
        this.benchmark = benchmark;
        this.system = system;
        this.mopsPerSecond = mopsPerSecond;
        this.latencyNs = latencyNs;
        this.bytesPerOp = bytesPerOp;
    }

    /** @return the benchmark, a row of the table. */
    public String benchmark()
    {
        return benchmark;
    }

    /** @return the system measured. */
    public String system()
    {
        return system;
    }

    /** @return millions of operations per second, or {@code NaN} if not measured. */
    public double mopsPerSecond()
    {
        return mopsPerSecond;
    }

    /** @return whether this measurement has a latency histogram. */
    public boolean hasLatency()
    {
        return null != latencyNs && latencyNs.getTotalCount() > 0;
    }

    /** @return the latency histogram in nanoseconds, or null if not measured. */
    public Histogram latencyNs()
    {
        return latencyNs;
    }

    /**
     * @param percentile from 0 to 100.
     * @return the latency at that percentile in microseconds, or {@code NaN} if not measured.
     */
    public double latencyUs(final double percentile)
    {
        return hasLatency() ? latencyNs.getValueAtPercentile(percentile) / 1000.0 : Double.NaN;
    }

    /** @return bytes allocated per operation, or {@code NaN} if not measured. */
    public double bytesPerOp()
    {
        return bytesPerOp;
    }
}
