package io.ringway.perf.tools;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one-line summary a tool prints when it ends: {@code name: key=value ...}, or with {@code --json} one JSON
 * object with the same keys. Every summary has {@code sent}, {@code received}, {@code dropped} and {@code errors};
 * a tool that measures latency adds percentiles in microseconds.
 * <p>
 * Not thread safe: built and printed by the thread that ends the tool.
 */
public final class Summary
{
    private final String tool;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /**
     * @param tool     the tool's name, first in the line.
     * @param sent     messages the tool put on the wire (or into its link, for a link that ran out of peers).
     * @param received messages the tool took from the wire.
     * @param dropped  messages refused or discarded on the way, counted by the runtime.
     * @param errors   errors counted by the runtime and the tool.
     */
    public Summary(final String tool, final long sent, final long received, final long dropped, final long errors)
    {
        this.tool = tool;
        fields.put("sent", sent);
        fields.put("received", received);
        fields.put("dropped", dropped);
        fields.put("errors", errors);
    }

    /**
     * @param key   a name without quotes or spaces.
     * @param value a whole number.
     * @return this summary.
     */
    public Summary put(final String key, final long value)
    {
        fields.put(key, value);
        return this;
    }

    /**
     * @param key   a name without quotes or spaces.
     * @param value a number, printed with three decimals.
     * @return this summary.
     */
    public Summary put(final String key, final double value)
    {
        fields.put(key, Double.isFinite(value) ? value : 0.0);
        return this;
    }

    /**
     * Adds how long the tool moved messages and the rate that makes.
     *
     * @param messages  how many it moved.
     * @param elapsedNs over how long.
     * @return this summary.
     */
    public Summary rate(final long messages, final long elapsedNs)
    {
        put("seconds", elapsedNs / 1e9);
        return put("ratePerSecond", elapsedNs > 0 ? Math.round(messages * 1e9 / elapsedNs) : 0);
    }

    /**
     * Adds p50, p90, p99, p99.9 and max of a histogram of nanoseconds, in microseconds.
     *
     * @param histogram recorded in nanoseconds.
     * @return this summary.
     */
    public Summary latency(final Histogram histogram)
    {
        put("p50Us", histogram.getValueAtPercentile(50) / 1e3);
        put("p90Us", histogram.getValueAtPercentile(90) / 1e3);
        put("p99Us", histogram.getValueAtPercentile(99) / 1e3);
        put("p999Us", histogram.getValueAtPercentile(99.9) / 1e3);
        return put("maxUs", histogram.getMaxValue() / 1e3);
    }

    /** @return {@code tool: key=value key=value ...} */
    public String toText()
    {
        final StringBuilder line = new StringBuilder(tool).append(':');
        for (final Map.Entry<String, Object> field : fields.entrySet())
        {
            line.append(' ').append(field.getKey()).append('=').append(format(field.getValue()));
        }
        return line.toString();
    }

    /** @return one JSON object: {@code {"tool":"...","sent":...}} */
    public String toJson()
    {
        final StringBuilder json = new StringBuilder("{\"tool\":\"").append(tool).append('"');
        for (final Map.Entry<String, Object> field : fields.entrySet())
        {
            json.append(",\"").append(field.getKey()).append("\":").append(format(field.getValue()));
        }
        return json.append('}').toString();
    }

    private static String format(final Object value)
    {
        return value instanceof Double ? String.format(Locale.ROOT, "%.3f", (Double)value) : value.toString();
    }
}
