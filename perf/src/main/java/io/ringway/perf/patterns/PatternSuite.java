package io.ringway.perf.patterns;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the pattern benchmarks ({@code io.ringway.perf.patterns}) through the JMH Runner API and collects each
 * system's figures per row for {@link PatternTable}.
 * <p>
 * The suite runs row by row, each row's three systems back to back, rather than in JMH's alphabetical order,
 * which would run every JeroMQ benchmark, then every Pekko one, then every Ringway one: on a shared host whose
 * speed drifts over minutes, that would put the systems of one row minutes apart.
 */
public final class PatternSuite
{
    /** Every benchmark of this package. */
    public static final String INCLUDE = "io\\.ringway\\.perf\\.patterns\\..*";

    private static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";

    private final boolean quick;
    private final boolean gc;

    /**
     * @param quick shorter warmup and measurement, for a smoke run.
     * @param gc    add JMH's GC profiler, for allocation per operation.
     */
    public PatternSuite(final boolean quick, final boolean gc)
    {
        this.quick = quick;
        this.gc = gc;
    }

    /** @return a line that says how long each benchmark warms up and measures. */
    public String describe()
    {
        return (quick
            ? "quick: 1 fork, warmup 2 x 0.5 s, measurement 3 x 0.5 s per benchmark"
            : "1 fork, warmup 3 x 1 s, measurement 5 x 1 s per benchmark") + (gc ? ", GC profiler" : "");
    }

    /**
     * @param progress where JMH's progress goes.
     * @return each row's figures, per system.
     * @throws RunnerException if a benchmark fails.
     */
    public Map<PatternRow, Map<PatternPeer, PatternFigures>> run(final OutputFormat progress) throws RunnerException
    {
        final List<RunResult> results = new ArrayList<>();
        for (final PatternRow row : PatternRow.values())
        {
            results.addAll(new Runner(options(row), progress).run());
        }
        return collect(results);
    }

    /**
     * @param row a row of the table.
     * @return a pattern that selects the benchmarks of that row, one per peer, and nothing else once the
     * row's {@link PatternRow#SUBSCRIBERS_PARAM} parameter, if any, is set.
     */
    static String include(final PatternRow row)
    {
        final StringBuilder peers = new StringBuilder();
        for (final PatternPeer peer : PatternPeer.values())
        {
            peers.append(peers.length() == 0 ? "" : "|").append(peer.classPrefix());
        }
        return "io\\.ringway\\.perf\\.patterns\\.(" + peers + ")" + row.shape() + "\\..*";
    }

    private Options options(final PatternRow row)
    {
        final TimeValue iterationTime = quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1);
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include(include(row))
            .forks(1)
            .warmupIterations(quick ? 2 : 3)
            .warmupTime(iterationTime)
            .measurementIterations(quick ? 3 : 5)
            .measurementTime(iterationTime)
            .shouldFailOnError(true);
        if (null != row.subscribers())
        {
            options.param(PatternRow.SUBSCRIBERS_PARAM, row.subscribers());
        }
        if (gc)
        {
            options.addProfiler(GCProfiler.class);
        }
        return options.build();
    }

    static Map<PatternRow, Map<PatternPeer, PatternFigures>> collect(final Collection<RunResult> results)
    {
        final Map<PatternRow, Map<PatternPeer, PatternFigures>> figures = new EnumMap<>(PatternRow.class);
        for (final PatternRow row : PatternRow.values())
        {
            final Map<PatternPeer, PatternFigures> peers = new EnumMap<>(PatternPeer.class);
            for (final PatternPeer peer : PatternPeer.values())
            {
                peers.put(peer, new PatternFigures());
            }
            figures.put(row, peers);
        }
        for (final RunResult result : results)
        {
            final String name = result.getParams().getBenchmark();
            final String className = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1,
                name.lastIndexOf('.'));
            final PatternPeer peer = PatternPeer.ofClass(className);
            final PatternRow row = null == peer ? null :
                PatternRow.of(peer.shapeOf(className), result.getParams().getParam(PatternRow.SUBSCRIBERS_PARAM));
            if (null == row)
            {
                continue;
            }
            final PatternFigures cell = figures.get(row).get(peer);
            final Result<?> primary = result.getPrimaryResult();
            if (row.throughput())
            {
                cell.mopsPerSecond = primary.getScore(); // ops/us = Mops/s
            }
            else
            {
                cell.p50Us = primary.getStatistics().getPercentile(50);
                cell.p99Us = primary.getStatistics().getPercentile(99);
                cell.p999Us = primary.getStatistics().getPercentile(99.9);
            }
            final Result<?> allocation = result.getSecondaryResults().get(ALLOCATION_PER_OP);
            cell.bytesPerOp = null == allocation ? Double.NaN : allocation.getScore();
        }
        return figures;
    }
}
