package io.ringway.perf.tcp;

import io.ringway.perf.patterns.PatternFigures;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the tcp benchmarks ({@code io.ringway.perf.tcp}) through the JMH Runner API and collects each system's
 * figures per row for {@link TcpTable}.
 * <p>
 * As the pattern suite does, it runs row by row, each row's two systems back to back, so that a shared host's
 * drift over minutes does not fall between the two figures a ratio is made of.
 */
public final class TcpSuite
{
    /** Every benchmark of this package. */
    public static final String INCLUDE = "io\\.ringway\\.perf\\.tcp\\..*";

    private static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";

    private final boolean quick;
    private final boolean gc;

    /**
     * @param quick shorter warmup and measurement, for a smoke run.
     * @param gc    add JMH's GC profiler, for allocation per operation.
     */
    public TcpSuite(final boolean quick, final boolean gc)
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
    public Map<TcpRow, Map<TcpPeer, PatternFigures>> run(final OutputFormat progress) throws RunnerException
    {
        final List<RunResult> results = new ArrayList<>();
        for (final TcpRow row : TcpRow.values())
        {
            results.addAll(new Runner(options(row).build(), progress).run());
        }
        return collect(results);
    }

    /**
     * Runs the suite and prints its table.
     *
     * @param progress where JMH's progress goes.
     * @param out      where the table goes.
     * @param err      where a failure goes.
     * @return the exit status: 0 on success, 1 if a benchmark failed.
     */
    public int bench(final OutputFormat progress, final PrintStream out, final PrintStream err)
    {
        try
        {
            TcpTable.print(out, run(progress), gc);
            return 0;
        }
        catch (final RunnerException ex)
        {
            err.println("benchmark run failed: " + ex.getMessage());
            ex.printStackTrace(err);
            return 1;
        }
    }

    /**
     * @param row a row of the table.
     * @return a pattern that selects the benchmarks of that row, one per peer, once its length is set.
     */
    static String include(final TcpRow row)
    {
        final StringBuilder peers = new StringBuilder();
        for (final TcpPeer peer : TcpPeer.values())
        {
            peers.append(peers.length() == 0 ? "" : "|").append(peer.classPrefix());
        }
        return "io\\.ringway\\.perf\\.tcp\\.(" + peers + ")" + row.shape() + "\\..*";
    }

    ChainedOptionsBuilder options(final TcpRow row)
    {
        final TimeValue iterationTime = quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1);
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include(include(row))
            .param(TcpSettings.LENGTH_PARAM, row.length())
            .forks(1)
            .warmupIterations(quick ? 2 : 3)
            .warmupTime(iterationTime)
            .measurementIterations(quick ? 3 : 5)
            .measurementTime(iterationTime)
            .shouldFailOnError(true);
        if (gc)
        {
            options.addProfiler(GCProfiler.class);
        }
        return options;
    }

    static Map<TcpRow, Map<TcpPeer, PatternFigures>> collect(final Collection<RunResult> results)
    {
        final Map<TcpRow, Map<TcpPeer, PatternFigures>> figures = new EnumMap<>(TcpRow.class);
        for (final TcpRow row : TcpRow.values())
        {
            final Map<TcpPeer, PatternFigures> peers = new EnumMap<>(TcpPeer.class);
            for (final TcpPeer peer : TcpPeer.values())
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
            final TcpRow row = TcpRow.of(className, result.getParams().getParam(TcpSettings.LENGTH_PARAM));
            if (null == row)
            {
                continue;
            }
            final PatternFigures cell = figures.get(row).get(TcpPeer.ofClass(className));
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
