package io.ringway.perf;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.PrintStream;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Runs the core benchmarks ({@code io.ringway.perf.core}) through the JMH Runner API and collects each
 * system's figures for {@link SuiteTable}.
 */
final class CoreSuite
{
    /** Every benchmark of the core package. */
    static final String INCLUDE = "io\\.ringway\\.perf\\.core\\..*";

    private static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";

    private final boolean quick;
    private final boolean gc;

    /**
     * @param quick shorter warmup and measurement, for a smoke run.
     * @param gc    add JMH's GC profiler, for allocation per operation.
     */
    CoreSuite(final boolean quick, final boolean gc)
    {
        this.quick = quick;
        this.gc = gc;
    }

    /** @return a line that says how long each benchmark warms up and measures. */
    String describe()
    {
        return quick
            ? "quick: 1 fork, warmup 2 x 0.5 s, measurement 3 x 0.5 s per benchmark" + (gc ? ", GC profiler" : "")
            : "1 fork, warmup 3 x 1 s, measurement 5 x 1 s per benchmark" + (gc ? ", GC profiler" : "");
    }

    /**
     * @param out where progress goes.
     * @return each system's figures.
     * @throws RunnerException if a benchmark fails.
     */
    Map<Peer, PeerFigures> run(final PrintStream out) throws RunnerException
    {
        final TimeValue iterationTime = quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1);
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include(INCLUDE)
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
        return collect(new Runner(options.build(), new ProgressFormat(out)).run());
    }

    private static Map<Peer, PeerFigures> collect(final Collection<RunResult> results)
    {
        final Map<Peer, PeerFigures> figures = new EnumMap<>(Peer.class);
        for (final Peer peer : Peer.values())
        {
            figures.put(peer, new PeerFigures());
        }
        for (final RunResult result : results)
        {
            final String name = result.getParams().getBenchmark();
            final String className = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1,
                name.lastIndexOf('.'));
            final Peer hop = Peer.of(className, Peer.Shape.ONE_HOP);
            final Peer pingPong = Peer.of(className, Peer.Shape.PING_PONG);
            final double bytesPerOp = bytesPerOp(result);
            if (null != hop)
            {
                final PeerFigures peer = figures.get(hop);
                peer.hopMopsPerSecond = result.getPrimaryResult().getScore(); // ops/us = Mops/s
                peer.hopBytesPerOp = bytesPerOp;
            }
            else if (null != pingPong)
            {
                final PeerFigures peer = figures.get(pingPong);
                final Result<?> samples = result.getPrimaryResult(); // microseconds
                peer.p50Us = samples.getStatistics().getPercentile(50);
                peer.p99Us = samples.getStatistics().getPercentile(99);
                peer.p999Us = samples.getStatistics().getPercentile(99.9);
                peer.pingPongBytesPerOp = bytesPerOp;
            }
        }
        return figures;
    }

    private static double bytesPerOp(final RunResult result)
    {
        final Result<?> allocation = result.getSecondaryResults().get(ALLOCATION_PER_OP);
        return null == allocation ? Double.NaN : allocation.getScore();
    }
}
