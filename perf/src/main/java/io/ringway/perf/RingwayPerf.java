package io.ringway.perf;

import org.openjdk.jmh.runner.RunnerException;

import java.io.PrintStream;
import java.util.Map;

/**
 * The {@code ringway-perf} command line.
 * <pre>
 *   java -jar ringway-perf.jar [bench] [--quick] [--gc]
 * </pre>
 * {@code bench} (the default) runs the core suite through JMH and prints one table comparing Ringway with raw
 * Disruptor 4, {@code ArrayBlockingQueue} and Agrona's {@code OneToOneRingBuffer}.
 */
public final class RingwayPerf
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: java -jar ringway-perf.jar [bench] [--quick] [--gc]",
        "  bench     run the core JMH suite (one-hop throughput, ping-pong latency) and print one table",
        "  --quick   shorter warmup and measurement, for a smoke run",
        "  --gc      add JMH's GC profiler and a B/op column",
        "  --help    print this message");

    private RingwayPerf()
    {
    }

    /**
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param args the command line.
     * @param out  where progress and results go.
     * @param err  where usage errors and failures go.
     * @return the exit status: 0 on success, 1 if a benchmark failed, 2 on a usage error.
     */
    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        boolean quick = false;
        boolean gc = false;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "bench":
                    if (i != 0)
                    {
                        return usageError(err, "'bench' must come first");
                    }
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--gc":
                    gc = true;
                    break;
                case "-h":
                case "--help":
                case "help":
                    out.println(USAGE);
                    return 0;
                default:
                    return usageError(err, "unknown argument '" + args[i] + "'");
            }
        }
        return bench(new CoreSuite(quick, gc), gc, out, err);
    }

    private static int bench(final CoreSuite suite, final boolean gc, final PrintStream out, final PrintStream err)
    {
        out.println("Ringway core suite: " + suite.describe());
        out.println("JVM " + System.getProperty("java.vm.version") + ", " + Runtime.getRuntime().availableProcessors()
            + " processors; java.base/jdk.internal.misc exported to this jar: " + internalMiscExported());
        try
        {
            final Map<Peer, PeerFigures> figures = suite.run(out);
            SuiteTable.print(out, figures, gc);
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
     * @return whether the jar's {@code Add-Exports} manifest entry (or a command-line flag) took effect here. JMH
     * forks get the flag from each benchmark's {@code @Fork(jvmArgsAppend)}, since they start with {@code -cp}.
     */
    private static boolean internalMiscExported()
    {
        return Object.class.getModule().isExported("jdk.internal.misc", RingwayPerf.class.getModule());
    }

    private static int usageError(final PrintStream err, final String message)
    {
        err.println(message);
        err.println(USAGE);
        return 2;
    }
}
