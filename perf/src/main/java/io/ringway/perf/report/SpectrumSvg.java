package io.ringway.perf.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws one benchmark's latency distributions as an inline SVG in the "percentile spectrum" style of
 * HdrHistogram's plots: the x axis is {@code 1 / (1 - percentile)} on a log scale, so p50, p90, p99, p99.9 and
 * p99.99 are evenly spaced and the tail gets as much room as the median; one curve per system. The y axis
 * (microseconds) is logarithmic too, since the systems of one benchmark can be orders of magnitude apart.
 * Self-contained: no script, no font or style sheet from the network.
 */
final class SpectrumSvg
{
    static final double FIRST_PERCENTILE = 50;
    static final double LAST_PERCENTILE = 99.99;

    private static final String[] COLOURS = {
        "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 220;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;
    private static final int POINTS = 80;
    /** Below HdrHistogram's 1 ns resolution there is nothing to plot; keeps log10 finite. */
    private static final double MIN_US = 0.001;

    private SpectrumSvg()
    {
    }

    /**
     * @param curves the measurements of one benchmark that have a latency histogram.
     * @return an {@code <svg>} element, well-formed XML.
     */
    static String draw(final List<Measurement> curves)
    {
        final double[] range = logRange(curves);
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
            LEFT, TOP, plotWidth(), plotHeight()));
        for (final double percentile : BenchReport.PERCENTILES)
        {
            final double x = x(percentile);
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s%%</text>%n",
                x, TOP, x, TOP + plotHeight(), x, TOP + plotHeight() + 16, trim(percentile)));
        }
        for (int decade = (int)range[0]; decade <= (int)range[1]; decade++)
        {
            final double y = y(decade, range);
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                LEFT, y, LEFT + plotWidth(), y, LEFT - 6, y + 4, trim(Math.pow(10, decade))));
        }
        svg.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n"
                + "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">latency, us"
                + "</text>%n",
            LEFT + plotWidth() / 2, HEIGHT - 8, TOP + plotHeight() / 2, TOP + plotHeight() / 2));
        for (int i = 0; i < curves.size(); i++)
        {
            curve(svg, curves.get(i), COLOURS[i % COLOURS.length], i, range);
        }
        return svg.append("</svg>").toString();
    }

    private static void curve(
        final StringBuilder svg, final Measurement curve, final String colour, final int index, final double[] range)
    {
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
        final double first = spectrum(FIRST_PERCENTILE);
        final double last = spectrum(LAST_PERCENTILE);
        for (int i = 0; i <= POINTS; i++)
        {
            final double percentile = 100 * (1 - 1 / (first * Math.pow(last / first, i / (double)POINTS)));
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ",
                x(percentile), y(Math.log10(Math.max(curve.latencyUs(percentile), MIN_US)), range)));
        }
        svg.append(String.format(Locale.ROOT, "\"><title>%s</title></polyline>%n", Html.escape(curve.system())));
        final int legendY = TOP + 14 + 18 * index;
        svg.append(String.format(Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n",
            LEFT + plotWidth() + 10, legendY - 4, LEFT + plotWidth() + 30, legendY - 4, colour,
            LEFT + plotWidth() + 36, legendY, Html.escape(curve.system())));
    }

    /** @return the decades (log10 of microseconds) the curves span, whole, at least one apart. */
    private static double[] logRange(final List<Measurement> curves)
    {
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (final Measurement curve : curves)
        {
            low = Math.min(low, Math.log10(Math.max(curve.latencyUs(FIRST_PERCENTILE), MIN_US)));
            high = Math.max(high, Math.log10(Math.max(curve.latencyUs(LAST_PERCENTILE), MIN_US)));
        }
        if (curves.isEmpty())
        {
            return new double[]{0, 1};
        }
        final double floor = Math.floor(low);
        return new double[]{floor, Math.max(floor + 1, Math.ceil(high))};
    }

    private static double spectrum(final double percentile)
    {
        return 1 / (1 - percentile / 100);
    }

    private static double x(final double percentile)
    {
        final double first = Math.log10(spectrum(FIRST_PERCENTILE));
        final double last = Math.log10(spectrum(LAST_PERCENTILE));
        return LEFT + plotWidth() * (Math.log10(spectrum(percentile)) - first) / (last - first);
    }

    private static double y(final double log10Us, final double[] range)
    {
        return TOP + plotHeight() * (1 - (log10Us - range[0]) / (range[1] - range[0]));
    }

    private static int plotWidth()
    {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight()
    {
        return HEIGHT - TOP - BOTTOM;
    }

    private static String trim(final double value)
    {
        return value == Math.rint(value) ? String.valueOf((long)value) : String.valueOf(value);
    }
}
