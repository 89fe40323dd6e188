package io.ringway.perf.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A suite's results: every system's {@link Measurement} on every benchmark, in the order they ran, and how the
 * suite was run. Each peer is compared with {@value #BASELINE} on the same benchmark: a ratio is peer / Ringway.
 */
public final class BenchReport
{
    /** The system every other is compared with. */
    public static final String BASELINE = "Ringway";

    /** The latency percentiles of the table, the JSON and the plot. */
    public static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    private final String settings;
    private final List<Measurement> measurements;

    /**
     * @param settings     one line that says how the suite was run (suite, message size, durations).
     * @param measurements every system's figures, in the order they ran.
     */
    public BenchReport(final String settings, final List<Measurement> measurements)
    {
        this.settings = settings;
        this.measurements = Collections.unmodifiableList(new ArrayList<>(measurements));
    }

    /** @return one line that says how the suite was run. */
    public String settings()
    {
        return settings;
    }

    /** @return every measurement, in the order they ran. */
    public List<Measurement> measurements()
    {
        return measurements;
    }

    /** @return the benchmarks, in the order they first ran. */
    public List<String> benchmarks()
    {
        final Set<String> benchmarks = new LinkedHashSet<>();
        for (final Measurement measurement : measurements)
        {
            benchmarks.add(measurement.benchmark());
        }
        return new ArrayList<>(benchmarks);
    }

    /** @return the systems, in the order they first ran. */
    public List<String> systems()
    {
        final Set<String> systems = new LinkedHashSet<>();
        for (final Measurement measurement : measurements)
        {
            systems.add(measurement.system());
        }
        return new ArrayList<>(systems);
    }

    /**
     * @param benchmark a benchmark.
     * @return its measurements, one per system, in the order they ran.
     */
    public List<Measurement> of(final String benchmark)
    {
        final List<Measurement> rows = new ArrayList<>();
        for (final Measurement measurement : measurements)
        {
            if (measurement.benchmark().equals(benchmark))
            {
                rows.add(measurement);
            }
        }
        return rows;
    }

    /**
     * @param benchmark a benchmark.
     * @return {@value #BASELINE}'s measurement on it, or one with nothing measured if the suite has none.
     */
    public Measurement baseline(final String benchmark)
    {
        for (final Measurement measurement : of(benchmark))
        {
            if (BASELINE.equals(measurement.system()))
            {
                return measurement;
            }
        }
        return new Measurement(benchmark, BASELINE, Double.NaN, null, Double.NaN);
    }

    /**
     * @param value    a system's figure.
     * @param baseline Ringway's figure on the same benchmark.
     * @return value / baseline, or {@code NaN} if either is not measured.
     */
    public static double ratio(final double value, final double baseline)
    {
        return Double.isNaN(value) || Double.isNaN(baseline) || 0 == baseline ? Double.NaN : value / baseline;
    }

    /**
     * @param percentile a percentile, e.g. 99.9.
     * @return its label, e.g. {@code p99.9}.
     */
    public static String label(final double percentile)
    {
        final boolean whole = percentile == Math.rint(percentile);
        return "p" + (whole ? String.valueOf((long)percentile) : String.valueOf(percentile));
    }
}
