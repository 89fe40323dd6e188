package io.ringway.perf.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one soak run, by name, in the order they were added, and the checks a clean run passes: every
 * loss, duplicate and reordering zero, and no thread, file descriptor or heap growth between start and end.
 * <p>
 * Also the one-line form ({@code name=value ...}) a child JVM prints for its parent. Not thread safe.
 */
public final class SoakReport
{
    /** Heap growth after GC that a run may show without being called a leak: G1 region rounding, JIT data. */
    static final long HEAP_GROWTH_LIMIT_BYTES = 16L << 20;
    /** File descriptors that may differ: a log file, a socket in TIME_WAIT's last moments. */
    static final long FD_GROWTH_LIMIT = 2;

    /** The figures that must be zero in a lossless run. */
    private static final String[] MUST_BE_ZERO = {
        "ticks.lost", "ticks.dropped", "ticks.duplicated", "ticks.outOfOrder",
        "orders.lost", "orders.duplicated", "orders.outOfOrder", "orders.dropped",
        "quotes.lost", "quotes.refused",
        "wire.lost", "wire.duplicated", "wire.outOfOrder", "wire.refused", "quiet.timedOut"};

    private final Map<String, Long> figures = new LinkedHashMap<>();

    /**
     * @param name  the figure's name, such as {@code ticks.sent}.
     * @param value its value.
     * @return this report.
     */
    public SoakReport put(final String name, final long value)
    {
        figures.put(name, value);
        return this;
    }

    /**
     * @param name a figure's name.
     * @return its value.
     * @throws IllegalArgumentException if there is no such figure.
     */
    public long get(final String name)
    {
        final Long value = figures.get(name);
        if (null == value)
        {
            throw new IllegalArgumentException("no figure '" + name + "'; figures are " + figures.keySet());
        }
        return value;
    }

    /**
     * Adds a probe's figures under a prefix, such as {@code start} or {@code child.end}.
     *
     * @param prefix what the probe was.
     * @param probe  the probe.
     * @return this report.
     */
    public SoakReport put(final String prefix, final ProcessProbe probe)
    {
        return put(prefix + ".heapUsedBytes", probe.heapUsedBytes())
            .put(prefix + ".threads", probe.threads())
            .put(prefix + ".fileDescriptors", probe.fileDescriptors());
    }

    /**
     * Adds every figure of another report, each name under a prefix.
     *
     * @param prefix such as {@code child}.
     * @param other  the report.
     * @return this report.
     */
    public SoakReport putAll(final String prefix, final SoakReport other)
    {
        other.figures.forEach((name, value) -> figures.put(prefix + "." + name, value));
        return this;
    }

    /** @return every check this run failed, one line each; empty for a clean run. */
    public List<String> violations()
    {
        final List<String> violations = new ArrayList<>();
        figures.forEach((name, value) ->
        {
            for (final String zero : MUST_BE_ZERO)
            {
                if ((name.equals(zero) || name.endsWith("." + zero)) && 0 != value)
                {
                    violations.add(name + " is " + value + ", not 0");
                }
            }
        });
        checkGrowth(violations, "", "threads", 0);
        checkGrowth(violations, "", "fileDescriptors", FD_GROWTH_LIMIT);
        checkGrowth(violations, "", "heapUsedBytes", HEAP_GROWTH_LIMIT_BYTES);
        checkGrowth(violations, "child.", "threads", 0);
        checkGrowth(violations, "child.", "fileDescriptors", FD_GROWTH_LIMIT);
        checkGrowth(violations, "child.", "heapUsedBytes", HEAP_GROWTH_LIMIT_BYTES);
        return violations;
    }

    private void checkGrowth(final List<String> violations, final String prefix, final String what, final long limit)
    {
        final Long start = figures.get(prefix + "start." + what);
        final Long end = figures.get(prefix + "end." + what);
        if (null != start && null != end && end - start > limit)
        {
            violations.add(prefix + what + " grew from " + start + " to " + end + " (limit +" + limit + ")");
        }
    }

    /** @return the figures as one line of {@code name=value} pairs. */
    public String toLine()
    {
        final StringBuilder line = new StringBuilder();
        figures.forEach((name, value) -> line.append(line.length() == 0 ? "" : " ").append(name).append('=')
            .append(value));
        return line.toString();
    }

    /**
     * @param line as {@link #toLine()} wrote it.
     * @return the report it holds.
     * @throws IllegalArgumentException on a pair that is not {@code name=number}.
     */
    public static SoakReport parse(final String line)
    {
        final SoakReport report = new SoakReport();
        for (final String pair : line.trim().split(" +"))
        {
            final int equals = pair.indexOf('=');
            if (equals <= 0)
            {
                throw new IllegalArgumentException("not name=value: '" + pair + "' in '" + line + "'");
            }
            report.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
        }
        return report;
    }

    /** @return the figures, one {@code name  value} line each. */
    public String toTable()
    {
        final StringBuilder table = new StringBuilder();
        figures.forEach((name, value) -> table.append(String.format("  %-34s %,d%n", name, value)));
        return table.toString();
    }
}
