package io.ringway.perf;

import io.ringway.perf.patterns.PatternFigures;
import io.ringway.perf.patterns.PatternPeer;
import io.ringway.perf.patterns.PatternRow;
import io.ringway.perf.patterns.PatternSuite;
import io.ringway.perf.patterns.PatternTable;
import io.ringway.perf.tcp.TcpSuite;
import org.openjdk.jmh.runner.RunnerException;

import java.io.PrintStream;
import java.util.Map;

/**
 * The {@code ringway-perf} command line.
 * <pre>
 *   java -jar ringway-perf.jar [bench] [--suite core|patterns|tcp] [--quick] [--gc]
 * </pre>
 * {@code bench} (the default) runs a suite through JMH and prints one table: the core suite (the default) compares
 * Ringway with raw Disruptor 4, {@code ArrayBlockingQueue} and Agrona's {@code OneToOneRingBuffer}; the pattern
 * suite compares Ringway's operators with Apache Pekko actors and JeroMQ inproc sockets.
 */
public final class RingwayPerf
{
    static final String SUITE_CORE = "core";
    static final String SUITE_PATTERNS = "patterns";
    static final String SUITE_TCP = "tcp";

    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: java -jar ringway-perf.jar [bench] [--suite core|patterns|tcp] [--quick] [--gc]",
        "  bench     run a JMH suite and print one table",
        "  --suite   core (the default): one-hop throughput and ping-pong latency against raw Disruptor,",
        "            ArrayBlockingQueue and Agrona; patterns: fan-out, round-robin, request-reply and gather",
        "            against Pekko actors and JeroMQ inproc; tcp: Ringway's bridge against raw JeroMQ over tcp",
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
        final Command command = Command.parse(args);
        if (null != command.error)
        {
            return usageError(err, command.error);
        }
        if (command.help)
        {
            out.println(USAGE);
            return 0;
        }
        if (SUITE_TCP.equals(command.suite))
        {
            final TcpSuite suite = new TcpSuite(command.quick, command.gc);
            out.println("Ringway tcp suite: " + suite.describe());
            printJvm(out);
            return suite.bench(new ProgressFormat(out), out, err);
        }
        return SUITE_PATTERNS.equals(command.suite)
            ? benchPatterns(new PatternSuite(command.quick, command.gc), command.gc, out, err)
            : bench(new CoreSuite(command.quick, command.gc), command.gc, out, err);
    }

    /** The parsed command line: what to run, or the usage error that stops it. */
    static final class Command
    {
        boolean quick;
        boolean gc;
        boolean help;
        String suite = SUITE_CORE;
        String error;

        static Command parse(final String[] args)
        {
            final Command command = new Command();
            for (int i = 0; i < args.length && null == command.error && !command.help; i++)
            {
                switch (args[i])
                {
                    case "bench":
                        command.error = i != 0 ? "'bench' must come first" : null;
                        break;
                    case "--suite":
                        if (i + 1 == args.length)
                        {
                            command.error = "--suite needs a suite: " + SUITE_CORE + ", " + SUITE_PATTERNS + " or "
                                + SUITE_TCP;
                            break;
                        }
                        command.suite = args[++i];
                        if (!SUITE_CORE.equals(command.suite) && !SUITE_PATTERNS.equals(command.suite)
                            && !SUITE_TCP.equals(command.suite))
                        {
                            command.error = "unknown suite '" + command.suite + "': " + SUITE_CORE + ", "
                                + SUITE_PATTERNS + " or " + SUITE_TCP;
                        }
                        break;
                    case "--quick":
                        command.quick = true;
                        break;
                    case "--gc":
                        command.gc = true;
                        break;
                    case "-h":
                    case "--help":
                    case "help":
                        command.help = true;
                        break;
                    default:
                        command.error = "unknown argument '" + args[i] + "'";
                }
            }
            return command;
        }
    }

    private static int bench(final CoreSuite suite, final boolean gc, final PrintStream out, final PrintStream err)
    {
        out.println("Ringway core suite: " + suite.describe());
        printJvm(out);
        try
        {
            final Map<Peer, PeerFigures> figures = suite.run(out);
            SuiteTable.print(out, figures, gc);
            return 0;
        }
        catch (final RunnerException ex)
        {
            return failed(err, ex);
        }
    }

    private static int benchPatterns(
        final PatternSuite suite, final boolean gc, final PrintStream out, final PrintStream err)
    {
        out.println("Ringway pattern suite: " + suite.describe());
        printJvm(out);
        try
        {
            final Map<PatternRow, Map<PatternPeer, PatternFigures>> figures = suite.run(new ProgressFormat(out));
            PatternTable.print(out, figures, gc);
            return 0;
        }
        catch (final RunnerException ex)
        {
            return failed(err, ex);
        }
    }

    private static void printJvm(final PrintStream out)
    {
        out.println("JVM " + System.getProperty("java.vm.version") + ", " + Runtime.getRuntime().availableProcessors()
            + " processors; java.base/jdk.internal.misc exported to this jar: " + internalMiscExported());
    }

    private static int failed(final PrintStream err, final RunnerException ex)
    {
        err.println("benchmark run failed: " + ex.getMessage());
        ex.printStackTrace(err);
        return 1;
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
