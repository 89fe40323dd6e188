package io.ringway.perf.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link BenchReport} into a folder: {@value #INDEX} (tables and latency plots), {@value #RESULTS}
 * (every figure) and one HdrHistogram {@code .hgrm} file per system and benchmark that has latencies, in
 * {@code outputPercentileDistribution} format with values in microseconds. Files of an earlier run with the same
 * names are replaced; other files are left alone.
 */
public final class ReportFolder
{
    /** The page to open. */
    public static final String INDEX = "index.html";

    /** Every figure, for tools. */
    public static final String RESULTS = "results.json";

    /** HdrHistogram's scaling ratio from recorded nanoseconds to printed microseconds. */
    private static final double NS_PER_US = 1000.0;

    private ReportFolder()
    {
    }

    /**
     * @param folder where to write; created if missing.
     * @param report the results.
     * @throws IOException if a file cannot be written.
     */
    public static void write(final Path folder, final BenchReport report) throws IOException
    {
        Files.createDirectories(folder);
        for (final Measurement row : report.measurements())
        {
            if (row.hasLatency())
            {
                try (PrintStream out = new PrintStream(
                    Files.newOutputStream(folder.resolve(hgrmName(row))), false, StandardCharsets.UTF_8))
                {
                    row.latencyNs().outputPercentileDistribution(out, NS_PER_US);
                }
            }
        }
        Files.writeString(folder.resolve(RESULTS), Json.document(report, ReportFolder::hgrmName));
        Files.writeString(folder.resolve(INDEX), Html.page(report, ReportFolder::hgrmName));
    }

    /**
     * @param row a measurement with latencies.
     * @return its {@code .hgrm} file's name: benchmark and system, lower case, each run of other characters a dash,
     * e.g. {@code ping-pong_raw-disruptor-4.hgrm}.
     */
    static String hgrmName(final Measurement row)
    {
        return slug(row.benchmark()) + "_" + slug(row.system()) + ".hgrm";
    }

    private static String slug(final String text)
    {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "");
    }
}
