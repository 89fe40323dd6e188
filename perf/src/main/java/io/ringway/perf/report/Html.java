package io.ringway.perf.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes a {@link BenchReport} as {@code index.html}: the settings, one table per benchmark and, for each
 * benchmark with latencies, its {@link SpectrumSvg} inline. The page is well-formed XHTML (it parses as XML) and
 * needs no network: no script, no external style sheet or font.
 */
final class Html
{
    private Html()
    {
    }

    /**
     * @param report the results.
     * @param hgrm   the name of a measurement's {@code .hgrm} file, to link to.
     * @return the page.
     */
    static String page(final BenchReport report, final Function<Measurement, String> hgrm)
    {
        final StringBuilder html = new StringBuilder()
            .append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
            .append("<meta charset=\"UTF-8\"/>\n<title>ringway-perf bench</title>\n")
            .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
            .append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child{text-align:left}")
            .append("</style>\n</head>\n<body>\n<h1>ringway-perf bench</h1>\n<p>")
            .append(escape(report.settings()))
            .append(". x = system / ").append(BenchReport.BASELINE)
            .append(" on the same benchmark: higher is better for throughput, lower for latency.</p>\n");
        for (final String benchmark : report.benchmarks())
        {
            html.append("<h2>").append(escape(benchmark)).append("</h2>\n");
            table(html, report, benchmark, hgrm);
            final List<Measurement> curves = latencies(report.of(benchmark));
            if (!curves.isEmpty())
            {
                html.append("<p>Latency percentile spectrum (log-log):</p>\n")
                    .append(SpectrumSvg.draw(curves)).append('\n');
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void table(
        final StringBuilder html,
        final BenchReport report,
        final String benchmark,
        final Function<Measurement, String> hgrm)
    {
        final Measurement baseline = report.baseline(benchmark);
        html.append("<table>\n<tr><th>system</th><th>Mops/s</th><th>x</th>");
        for (final double percentile : BenchReport.PERCENTILES)
        {
            html.append("<th>").append(BenchReport.label(percentile)).append(" us</th><th>x</th>");
        }
        html.append("<th>histogram</th></tr>\n");
        for (final Measurement row : report.of(benchmark))
        {
            html.append("<tr><td>").append(escape(row.system())).append("</td>");
            cells(html, row.mopsPerSecond(), baseline.mopsPerSecond());
            for (final double percentile : BenchReport.PERCENTILES)
            {
                cells(html, row.latencyUs(percentile), baseline.latencyUs(percentile));
            }
            html.append("<td>");
            if (row.hasLatency())
            {
                final String file = escape(hgrm.apply(row));
                html.append("<a href=\"").append(file).append("\">").append(file).append("</a>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void cells(final StringBuilder html, final double value, final double baseline)
    {
        final double ratio = BenchReport.ratio(value, baseline);
        html.append("<td>").append(Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value))
            .append("</td><td>").append(Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio))
            .append("</td>");
    }

    private static List<Measurement> latencies(final List<Measurement> rows)
    {
        rows.removeIf(row -> !row.hasLatency());
        return rows;
    }

    /**
     * @param text any text.
     * @return it with the characters that XML gives a meaning escaped.
     */
    static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
