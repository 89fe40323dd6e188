package io.ringway.perf.cli;

import io.ringway.perf.RingwayPerf;
import io.ringway.perf.demo.TradingDemo;
import io.ringway.perf.demo.TradingDemo.DemoResult;
import io.ringway.perf.report.BenchReport;
import io.ringway.runtime.agent.Idle;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ringway-perf demo}: the trading topology at a fixed tick rate ({@link TradingDemo}), then per-hop and
 * end-to-end latency percentiles. Exit status 1 if any tick did not end in an accepted order.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the trading topology (market data fan-out by symbol prefix to two strategies, orders by key affinity"
            + " to risk workers, request-reply to an order gateway) at a fixed tick rate, then prints latency"
            + " percentiles per hop and end to end.",
        "Each tick is stamped with its intended send time and every latency is recorded into HdrHistogram, so a"
            + " stall shows in the figures (no coordinated omission)."})
public final class DemoCommand implements Callable<Integer>
{
    /** Highest rate: one tick per 100 ns is beyond what one sender thread paces on this kind of machine. */
    static final long MAX_RATE = 10_000_000;

    @ParentCommand
    private RingwayPerf top;

    @Spec
    private CommandSpec spec;

    @Option(names = "--rate", defaultValue = "10000", paramLabel = "TICKS_PER_S",
        description = "Ticks per second, 1 to " + MAX_RATE + " (default: ${DEFAULT-VALUE}).")
    private long rate;

    @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS",
        description = "How long to send ticks for (default: ${DEFAULT-VALUE}).")
    private double durationSeconds;

    @Option(names = "--idle", defaultValue = "BACKOFF", paramLabel = "STRATEGY",
        description = "How every dispatcher waits for work: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE};"
            + " BUSY_SPIN needs a core per dispatcher, 5 of them, plus the sender's).")
    private Idle idle;

    @Option(names = "--risk-workers", defaultValue = "2", paramLabel = "N",
        description = "Risk workers sharing the orders by symbol (default: ${DEFAULT-VALUE}).")
    private int riskWorkers;

    @Override
    public Integer call() throws IOException
    {
        if (rate < 1 || rate > MAX_RATE)
        {
            throw new ParameterException(spec.commandLine(), "--rate " + rate + " is out of range: 1 to " + MAX_RATE);
        }
        final long durationNs = Math.round(durationSeconds * 1e9);
        if (!(durationNs > 0))
        {
            throw new ParameterException(spec.commandLine(), "--duration " + durationSeconds + " must be positive");
        }
        final PrintStream out = top.out();
        out.printf("ringway-perf demo: trading topology, %,d ticks/s for %s s, idle %s, %d risk workers%n",
            rate, durationSeconds, idle, riskWorkers);
        final Path directory = Files.createTempDirectory("ringway-demo");
        final DemoResult result;
        try
        {
            result = new TradingDemo(rate, durationNs, idle, riskWorkers, directory).run(out);
        }
        finally
        {
            delete(directory);
        }
        print(out, result);
        if (result.lost() != 0 || !result.errors().isEmpty())
        {
            top.err().println("demo: " + result.lost() + " of " + result.ticks() + " ticks lost, "
                + result.errors().size() + " actor errors"
                + (result.errors().isEmpty() ? "" : ", the first: " + result.errors().get(0)));
            return RingwayPerf.FAILED;
        }
        return 0;
    }

    private static void print(final PrintStream out, final DemoResult result)
    {
        out.printf("%nticks sent %,d; orders accepted %,d; lost %,d (timed out %,d, dropped or rejected %,d);"
            + " feed back-pressured %,d times%n", result.ticks(), result.accepted(), result.lost(), result.timedOut(),
            result.dropped(), result.backPressured());
        out.println("latency in us, from each tick's intended send time; HdrHistogram, no coordinated omission");
        out.printf("%-24s %10s", "hop", "count");
        for (final double percentile : BenchReport.PERCENTILES)
        {
            out.printf(" %9s", BenchReport.label(percentile));
        }
        out.printf(" %9s%n", "max");
        for (final Map.Entry<String, Histogram> hop : result.latenciesNs().entrySet())
        {
            final Histogram histogram = hop.getValue();
            out.printf("%-24s %10d", hop.getKey(), histogram.getTotalCount());
            for (final double percentile : BenchReport.PERCENTILES)
            {
                out.printf(" %9.2f", histogram.getValueAtPercentile(percentile) / 1000.0);
            }
            out.printf(" %9.2f%n", histogram.getMaxValue() / 1000.0);
        }
    }

    private static void delete(final Path directory) throws IOException
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path ->
            {
                try
                {
                    Files.delete(path);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }
}
