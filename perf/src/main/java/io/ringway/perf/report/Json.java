package io.ringway.perf.report;

import java.util.Locale;
import java.util.function.Function;

/**
 * Writes a {@link BenchReport} as {@code results.json}: the settings and, per system and benchmark, throughput,
 * latency percentiles in microseconds, their ratios to Ringway, the sample count and the {@code .hgrm} file.
 * A figure that was not measured is {@code null}.
 */
final class Json
{
    private Json()
    {
    }

    /**
     * @param report the results.
     * @param hgrm   the name of a measurement's {@code .hgrm} file.
     * @return the document.
     */
    static String document(final BenchReport report, final Function<Measurement, String> hgrm)
    {
        final StringBuilder json = new StringBuilder()
            .append("{\n  \"settings\": ").append(string(report.settings()))
            .append(",\n  \"baseline\": ").append(string(BenchReport.BASELINE))
            .append(",\n  \"systems\": [");
        String separator = "";
        for (final String system : report.systems())
        {
            json.append(separator).append(string(system));
            separator = ", ";
        }
        json.append("],\n  \"results\": [");
        separator = "\n";
        for (final Measurement row : report.measurements())
        {
            json.append(separator);
            result(json, row, report.baseline(row.benchmark()), hgrm);
            separator = ",\n";
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static void result(
        final StringBuilder json,
        final Measurement row,
        final Measurement baseline,
        final Function<Measurement, String> hgrm)
    {
        json.append("    {\"benchmark\": ").append(string(row.benchmark()))
            .append(", \"system\": ").append(string(row.system()))
            .append(", \"mopsPerSecond\": ").append(number(row.mopsPerSecond()))
            .append(", \"mopsRatio\": ")
            .append(number(BenchReport.ratio(row.mopsPerSecond(), baseline.mopsPerSecond())))
            .append(", \"bytesPerOp\": ").append(number(row.bytesPerOp()));
        if (row.hasLatency())
        {
            json.append(",\n     \"samples\": ").append(row.latencyNs().getTotalCount())
                .append(", \"hgrm\": ").append(string(hgrm.apply(row)));
            percentiles(json, "latencyUs", row, null);
            percentiles(json, "latencyRatio", row, baseline);
        }
        json.append('}');
    }

    private static void percentiles(
        final StringBuilder json, final String name, final Measurement row, final Measurement baseline)
    {
        json.append(",\n     \"").append(name).append("\": {");
        String separator = "";
        for (final double percentile : BenchReport.PERCENTILES)
        {
            final double value = null == baseline ? row.latencyUs(percentile)
                : BenchReport.ratio(row.latencyUs(percentile), baseline.latencyUs(percentile));
            json.append(separator).append(string(BenchReport.label(percentile))).append(": ").append(number(value));
            separator = ", ";
        }
        json.append('}');
    }

    private static String number(final double value)
    {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String string(final String text)
    {
        final StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                quoted.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
            }
            else
            {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
