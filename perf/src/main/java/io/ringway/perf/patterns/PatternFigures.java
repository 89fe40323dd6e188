package io.ringway.perf.patterns;

/**
 * One system's figures on one row of the pattern suite; {@code NaN} where not measured.
 */
public final class PatternFigures
{
    /** Throughput rows: millions of messages per second. */
    public double mopsPerSecond = Double.NaN;
    /** Round-trip rows: median, in microseconds. */
    public double p50Us = Double.NaN;
    /** Round-trip rows: 99th percentile, in microseconds. */
    public double p99Us = Double.NaN;
    /** Round-trip rows: 99.9th percentile, in microseconds. */
    public double p999Us = Double.NaN;
    /** Bytes allocated per operation, with the GC profiler. */
    public double bytesPerOp = Double.NaN;
}
