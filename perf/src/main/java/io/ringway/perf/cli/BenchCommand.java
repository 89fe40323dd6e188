package io.ringway.perf.cli;

import io.ringway.perf.ProgressFormat;
import io.ringway.perf.RingwayPerf;
import io.ringway.perf.report.BenchReport;
import io.ringway.perf.report.Measurement;
import io.ringway.perf.report.ReportFolder;
import io.ringway.perf.report.ReportTable;
import io.ringway.runtime.agent.Idle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ringway-perf bench}: runs the side-by-side suites through JMH (see {@link JmhBench} for where the
 * latencies come from), prints one table with each peer's ratio to Ringway, and writes the report folder
 * ({@link ReportFolder}).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Runs Ringway side by side with raw Disruptor, ArrayBlockingQueue, Agrona rings, Apache Pekko and JeroMQ,"
            + " prints one table of throughput and latency percentiles with each peer's ratio to Ringway, and"
            + " writes a report folder: index.html (tables and latency plots), results.json and one .hgrm file"
            + " per system and benchmark.",
        "Each benchmark runs in its own JMH fork: warmup 1 iteration, measurement 2, each half of --duration."})
public final class BenchCommand implements Callable<Integer>
{
    /** Smallest message: every benchmark stamps a sequence number, a long, at offset 0. */
    static final int MIN_SIZE = 8;

    /** Largest message: a one-hop ring holds 65536 of them, 64 MiB at this size. */
    static final int MAX_SIZE = 1024;

    /** Shortest iteration JMH is given; below it, fork start-up and timer noise are all there is. */
    static final long MIN_ITERATION_MS = 10;

    @ParentCommand
    private RingwayPerf top;

    @Spec
    private CommandSpec spec;

    @Option(names = "--suite", defaultValue = BenchSuites.ALL, paramLabel = "NAME",
        completionCandidates = SuiteNames.class,
        description = "One of ${COMPLETION-CANDIDATES}; ${DEFAULT-VALUE} (the default) runs every suite, one after"
            + " another.")
    private String suite;

    @Option(names = "--size", defaultValue = "64", paramLabel = "BYTES",
        description = "Bytes per message, " + MIN_SIZE + " to " + MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--duration", defaultValue = "2", paramLabel = "SECONDS",
        description = "Measured time per benchmark, after a warmup of half as long (default: ${DEFAULT-VALUE}).")
    private double durationSeconds;

    @Option(names = "--out", defaultValue = "ringway-report", paramLabel = "DIR",
        description = "Report folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--idle", defaultValue = "BUSY_SPIN", paramLabel = "STRATEGY",
        description = "How every consumer, echo and worker thread waits for work, JeroMQ's pollers included:"
            + " ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). Pekko's own dispatcher threads keep theirs,"
            + " and Ringway's tcp link threads their default back-off.")
    private Idle idle;

    @Option(names = "--gc", description = "Add JMH's GC profiler and a B/op column (slower).")
    private boolean gc;

    @Override
    public Integer call() throws Exception
    {
        final List<BenchSuite> suites = BenchSuites.named(suite);
        if (suites.isEmpty())
        {
            throw new ParameterException(spec.commandLine(),
                "unknown suite '" + suite + "': one of " + String.join(", ", BenchSuites.names()));
        }
        if (size < MIN_SIZE || size > MAX_SIZE)
        {
            throw new ParameterException(spec.commandLine(),
                "--size " + size + " is out of range: " + MIN_SIZE + " to " + MAX_SIZE + " bytes");
        }
        final long iterationMs = Math.round(durationSeconds * 1000 / 2);
        if (!(iterationMs >= MIN_ITERATION_MS))
        {
            throw new ParameterException(spec.commandLine(),
                "--duration " + durationSeconds + " is too short: at least " + 2 * MIN_ITERATION_MS / 1000.0 + " s");
        }

        final PrintStream print = top.out();
        final List<BenchCase> cases = new ArrayList<>();
        suites.forEach(s -> cases.addAll(s.cases()));
        final String settings = String.format(Locale.ROOT,
            "suite %s, %d-byte messages, idle %s, 1 fork per benchmark, warmup 1 x %d ms, measurement 2 x %d ms%s",
            suite, size, idle, iterationMs, iterationMs, gc ? ", GC profiler" : "");
        print.println("ringway-perf bench: " + cases.size() + " benchmarks; " + settings);
        print.println("JVM " + System.getProperty("java.vm.version") + ", "
            + Runtime.getRuntime().availableProcessors() + " processors");

        final JmhBench bench = new JmhBench(iterationMs, size, gc, idle);
        final ProgressFormat progress = new ProgressFormat(print);
        final List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++)
        {
            final BenchCase benchCase = cases.get(i);
            print.printf("%n(%d/%d) %s: %s%n", i + 1, cases.size(), benchCase.benchmark(), benchCase.system());
            measurements.add(bench.run(benchCase, progress));
        }

        final BenchReport report = new BenchReport(settings, measurements);
        ReportTable.print(print, report, gc);
        ReportFolder.write(out, report);
        print.println();
        print.println("report: " + out.resolve(ReportFolder.INDEX).toAbsolutePath());
        return 0;
    }

    /** The names {@code --suite} takes, for help: {@link BenchSuites#names()}. */
    static final class SuiteNames implements Iterable<String>
    {
        @Override
        public Iterator<String> iterator()
        {
            return BenchSuites.names().iterator();
        }
    }
}
