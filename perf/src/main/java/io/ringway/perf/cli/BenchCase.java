package io.ringway.perf.cli;

import java.util.regex.Pattern;

/**
 * One JMH benchmark class of a suite, as one cell of {@code bench}'s table: the benchmark (row) it fills, the
 * system it measures, and the JMH parameter, if any, that picks the row (e.g. a fan-out's subscribers).
 */
public final class BenchCase
{
    private final String benchmark;
    private final String system;
    private final Class<?> benchmarkClass;
    private final String paramName;
    private final String paramValue;

    /**
     * @param benchmark      the row, e.g. {@code fan-out 2}.
     * @param system         the system measured, e.g. {@code Ringway}; {@code "Ringway"} is every row's baseline.
     * @param benchmarkClass the JMH {@code @State} class whose {@code @Benchmark} methods run.
     * @param paramName      a JMH {@code @Param} to set, or null.
     * @param paramValue     its value, or null.
     */
    public BenchCase(
        final String benchmark,
        final String system,
        final Class<?> benchmarkClass,
        final String paramName,
        final String paramValue)
    {
        this.benchmark = benchmark;
        this.system = system;
        this.benchmarkClass = benchmarkClass;
        this.paramName = paramName;
        this.paramValue = paramValue;
    }

    /**
     * @param benchmark      the row.
     * @param system         the system measured.
     * @param benchmarkClass the JMH benchmark class.
     * @return a case with no JMH parameter.
     */
    public static BenchCase of(final String benchmark, final String system, final Class<?> benchmarkClass)
    {
        return new BenchCase(benchmark, system, benchmarkClass, null, null);
    }

    /** @return the row this case fills. */
    public String benchmark()
    {
        return benchmark;
    }

    /** @return the system it measures. */
    public String system()
    {
        return system;
    }

    /** @return the JMH include pattern that selects this class's benchmark methods and no other class's. */
    public String include()
    {
        return "^" + Pattern.quote(benchmarkClass.getName() + ".");
    }

    /** @return the JMH parameter to set, or null. */
    public String paramName()
    {
        return paramName;
    }

    /** @return its value, or null. */
    public String paramValue()
    {
        return paramValue;
    }
}
