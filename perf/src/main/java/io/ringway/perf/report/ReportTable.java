package io.ringway.perf.report;

import java.io.PrintStream;

/**
 * Prints a {@link BenchReport} as one table: per benchmark and system, throughput and latency percentiles, each
 * with its ratio to Ringway on the same benchmark (x = system / Ringway: higher is better for throughput, lower
 * for latency).
 */
public final class ReportTable
{
    private static final String LEAD = "%-24s %-26s"; // the longest benchmark: "tcp request-reply 1024 B"
    private static final String CELL = " %8s %5s";
    private static final String BYTES = " %7s";

    private ReportTable()
    {
    }

    /**
     * @param out    where to print.
     * @param report the results.
     * @param bytes  whether to add the allocation column (B/op, measured with the GC profiler).
     */
    public static void print(final PrintStream out, final BenchReport report, final boolean bytes)
    {
        out.println();
        out.println(report.settings() + "; x = system / " + BenchReport.BASELINE);
        header(out, bytes);
        for (final String benchmark : report.benchmarks())
        {
            final Measurement baseline = report.baseline(benchmark);
            for (final Measurement row : report.of(benchmark))
            {
                out.printf(LEAD, benchmark, row.system());
                out.printf(CELL, number(row.mopsPerSecond()),
                    ratio(row.mopsPerSecond(), baseline.mopsPerSecond()));
                for (final double percentile : BenchReport.PERCENTILES)
                {
                    out.printf(CELL, number(row.latencyUs(percentile)),
                        ratio(row.latencyUs(percentile), baseline.latencyUs(percentile)));
                }
                if (bytes)
                {
                    out.printf(BYTES, number(row.bytesPerOp()));
                }
                out.println();
            }
        }
    }

    private static void header(final PrintStream out, final boolean bytes)
    {
        out.printf(LEAD, "benchmark", "system");
        out.printf(CELL, "Mops/s", "x");
        for (final double percentile : BenchReport.PERCENTILES)
        {
            out.printf(CELL, BenchReport.label(percentile) + "us", "x");
        }
        if (bytes)
        {
            out.printf(BYTES, "B/op");
        }
        out.println();
    }

    private static String ratio(final double value, final double baseline)
    {
        final double ratio = BenchReport.ratio(value, baseline);
        return Double.isNaN(ratio) ? "-" : String.format("%.2f", ratio);
    }

    /**
     * @param value a figure.
     * @return it with 3 significant digits or so, or "-" for {@code NaN}.
     */
    static String number(final double value)
    {
        if (Double.isNaN(value))
        {
            return "-";
        }
        return String.format(value < 10 ? "%.3f" : value < 100 ? "%.2f" : "%.1f", value);
    }
}
