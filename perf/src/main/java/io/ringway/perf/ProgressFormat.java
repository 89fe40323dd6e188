package io.ringway.perf;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.PrintStream;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * JMH output cut down to progress lines: one per benchmark, one per iteration, JMH's own run-progress estimate,
 * and anything else JMH or a fork prints that is not a {@code #} header (failures, warnings).
 */
public final class ProgressFormat implements OutputFormat
{
    private final PrintStream out;
    private final long startNs = System.nanoTime();

    /**
     * @param out where the progress lines go.
     */
    public ProgressFormat(final PrintStream out)
    {
        this.out = out;
    }

    @Override
    public void startBenchmark(final BenchmarkParams params)
    {
        final String name = params.getBenchmark();
        final String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
        out.printf("[%s] %s (%s)%n", elapsed(), shortName, params.getMode().shortLabel());
    }

    @Override
    public void iteration(final BenchmarkParams benchmarkParams, final IterationParams params, final int iteration)
    {
    }

    @Override
    public void iterationResult(
        final BenchmarkParams benchmarkParams,
        final IterationParams params,
        final int iteration,
        final IterationResult data)
    {
        final String kind = params.getType() == IterationType.WARMUP ? "warmup " : "measure";
        out.printf("    %s %d/%d: %s%n", kind, iteration, params.getCount(), format(data.getPrimaryResult()));
    }

    @Override
    public void endBenchmark(final BenchmarkResult result)
    {
        if (null != result)
        {
            out.printf("    result: %s%n", format(result.getPrimaryResult()));
        }
    }

    @Override
    public void startRun()
    {
    }

    @Override
    public void endRun(final Collection<RunResult> result)
    {
        out.printf("[%s] done%n", elapsed());
    }

    @Override
    public void print(final String s)
    {
        if (!isHeader(s))
        {
            out.print(s);
        }
    }

    @Override
    public void println(final String s)
    {
        if (s.startsWith("# Run progress"))
        {
            out.println("  " + s.substring(2));
        }
        else if (!isHeader(s))
        {
            out.println(s);
        }
    }

    @Override
    public void verbosePrintln(final String s)
    {
    }

    @Override
    public void write(final int b)
    {
        out.write(b);
    }

    @Override
    public void write(final byte[] b)
    {
        out.write(b, 0, b.length);
    }

    @Override
    public void flush()
    {
        out.flush();
    }

    @Override
    public void close()
    {
        out.flush();
    }

    private static boolean isHeader(final String s)
    {
        return s.isBlank() || s.startsWith("#");
    }

    private static String format(final Result<?> result)
    {
        return String.format("%.3f %s", result.getScore(), result.getScoreUnit());
    }

    private String elapsed()
    {
        final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs);
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
