package io.ringway.perf.cli;

import io.ringway.perf.core.CoreSettings;
import io.ringway.perf.report.Measurement;
import io.ringway.runtime.agent.Idle;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link BenchCase} through the JMH Runner API and turns its result into a {@link Measurement}.
 * <p>
 * Why the latency figures are honest: they are JMH's own samples of the very {@code @Benchmark} method the JMH
 * suite measures, not a second harness. A {@code Mode.SampleTime} benchmark times individual invocations with
 * {@code System.nanoTime()} in the fork and sends every sample back as a (value, count) distribution;
 * {@link #latencyNs} replays that distribution, {@code Statistics.getRawData()}, into an HdrHistogram. Nothing is
 * re-measured and no percentile is interpolated by us: the histogram's percentiles, {@code .hgrm} files and plots
 * show JMH's samples at HdrHistogram's 3 significant digits. Throughput stays JMH's {@code Mode.Throughput}
 * score. The price: JMH samples a subset of invocations (its sample-time timer), which is what its own
 * percentiles use too.
 */
final class JmhBench
{
    /** The benchmarks' parameter for how their application threads wait, where they have one. */
    static final String IDLE_PARAM = "idle";

    /** Agrona 2 needs it in every fork; options given here replace the classes' own {@code @Fork} arguments. */
    private static final String ADD_EXPORTS = "java.base/jdk.internal.misc=ALL-UNNAMED";
    private static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double NS_PER_UNIT_US = 1000.0;

    private final long iterationMs;
    private final int messageLength;
    private final boolean gc;
    private final Idle idle;

    /**
     * @param iterationMs   length of each warmup and measurement iteration.
     * @param messageLength bytes per message, passed to the fork as {@link CoreSettings#MESSAGE_LENGTH_PROPERTY}.
     * @param gc            whether to add JMH's GC profiler, for bytes allocated per operation.
     * @param idle          how the benchmarks' consumer threads wait, passed as {@link CoreSettings#IDLE_PROPERTY}.
     */
    JmhBench(final long iterationMs, final int messageLength, final boolean gc, final Idle idle)
    {
        this.idle = idle;
        this.iterationMs = iterationMs;
        this.messageLength = messageLength;
        this.gc = gc;
    }

    /**
     * Warmup is one iteration, measurement two: each benchmark costs a fork plus three iterations.
     *
     * @param benchCase the benchmark to run.
     * @param progress  where JMH's progress goes.
     * @return its figures.
     * @throws RunnerException if the benchmark fails.
     */
    Measurement run(final BenchCase benchCase, final OutputFormat progress) throws RunnerException
    {
        final TimeValue iteration = TimeValue.milliseconds(iterationMs);
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include(benchCase.include())
            .forks(1)
            .warmupIterations(1)
            .warmupTime(iteration)
            .measurementIterations(2)
            .measurementTime(iteration)
            .jvmArgsAppend("--add-exports", ADD_EXPORTS,
                "-D" + CoreSettings.MESSAGE_LENGTH_PROPERTY + "=" + messageLength,
                "-D" + CoreSettings.IDLE_PROPERTY + "=" + idle.name())
            // the tcp benchmarks take it as a @Param (JMH leaves a benchmark without that parameter alone)
            .param(IDLE_PARAM, idle.name())
            .shouldFailOnError(true);
        if (null != benchCase.paramName())
        {
            options.param(benchCase.paramName(), benchCase.paramValue());
        }
        if (gc)
        {
            options.addProfiler(GCProfiler.class);
        }
        final Collection<RunResult> results = new Runner(options.build(), progress).run();
        if (results.size() != 1)
        {
            throw new RunnerException(benchCase.include() + " ran " + results.size() + " benchmarks, not 1");
        }
        return measurement(benchCase, results.iterator().next());
    }

    private static Measurement measurement(final BenchCase benchCase, final RunResult result)
    {
        final Result<?> primary = result.getPrimaryResult();
        final Mode mode = result.getParams().getMode();
        final TimeUnit unit = result.getParams().getTimeUnit();
        if (unit != TimeUnit.MICROSECONDS)
        {
            throw new IllegalStateException(benchCase.include() + " reports in " + unit + ", not microseconds");
        }
        final Result<?> allocation = result.getSecondaryResults().get(ALLOCATION_PER_OP);
        final double bytesPerOp = null == allocation ? Double.NaN : allocation.getScore();
        return mode == Mode.SampleTime
            ? new Measurement(benchCase.benchmark(), benchCase.system(), Double.NaN, latencyNs(primary), bytesPerOp)
            : new Measurement(benchCase.benchmark(), benchCase.system(), primary.getScore(), null, bytesPerOp);
    }

    /**
     * @param samples a SampleTime result in microseconds per operation.
     * @return every sample, in nanoseconds.
     */
    static Histogram latencyNs(final Result<?> samples)
    {
        final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        final Iterator<Map.Entry<Double, Long>> raw = samples.getStatistics().getRawData();
        while (raw.hasNext())
        {
            final Map.Entry<Double, Long> bucket = raw.next();
            final long valueNs = Math.max(1, Math.round(bucket.getKey() * NS_PER_UNIT_US));
            histogram.recordValueWithCount(valueNs, bucket.getValue());
        }
        return histogram;
    }
}
