package io.ringway.perf;

import io.ringway.perf.cli.BenchCommand;
import io.ringway.perf.cli.DemoCommand;
import io.ringway.perf.soak.SoakCommand;
import io.ringway.perf.tools.PeerTools;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code ringway-perf} command line, the executable jar's main class.
 * <pre>
 *   java -jar ringway-perf.jar [bench] [options]     the side-by-side benchmark suite (the default)
 *   java -jar ringway-perf.jar demo [options]        the trading topology at a fixed rate
 *   java -jar ringway-perf.jar SUBCOMMAND --help     each subcommand's options
 * </pre>
 * Subcommands reach the output streams through {@link #out()} and {@link #err()} (as {@code @ParentCommand}), so
 * that tests can capture them. A bad argument gets one line on standard error and exit status 2; a failure while
 * running gets one line and exit status 1; neither prints a stack trace.
 */
@Command(
    name = "ringway-perf",
    mixinStandardHelpOptions = true,
    versionProvider = RingwayPerf.Version.class,
    description = "Ringway's benchmarks, demo and tools. With no subcommand, or with options only, runs bench.",
    subcommands = {
        BenchCommand.class,
        DemoCommand.class,
        SoakCommand.class,
        // The peer tools and stat are added in commandLine(), from PeerTools.commands().
    })
public final class RingwayPerf
{
    /** Exit status of a bad argument, as picocli's {@link CommandLine.ExitCode#USAGE}. */
    public static final int USAGE_ERROR = CommandLine.ExitCode.USAGE;

    /** Exit status of a command that failed while running. */
    public static final int FAILED = CommandLine.ExitCode.SOFTWARE;

    private static final String DEFAULT_SUBCOMMAND = "bench";

    private final PrintStream out;
    private final PrintStream err;

    private RingwayPerf(final PrintStream out, final PrintStream err)
    {
        this.out = out;
        this.err = err;
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
     * @return the exit status: 0 on success, {@link #FAILED} if the command failed, {@link #USAGE_ERROR} on a bad
     * argument.
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        final CommandLine commandLine = commandLine(out, err);
        return commandLine.execute(withDefaultSubcommand(commandLine, args));
    }

    /**
     * @param out where progress and results go.
     * @param err where usage errors and failures go.
     * @return the command line, every subcommand registered, with its error handling set.
     */
    public static CommandLine commandLine(final PrintStream out, final PrintStream err)
    {
        final CommandLine commandLine = new CommandLine(new RingwayPerf(out, err));
        for (final Object tool : PeerTools.commands())
        {
            commandLine.addSubcommand(tool); // before the settings below, which reach only subcommands added so far
        }
        return commandLine
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
            .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
            .setParameterExceptionHandler((ex, ignored) ->
            {
                final CommandLine command = ex.getCommandLine();
                err.println(oneLine(ex.getMessage()) + " (see '" + command.getCommandSpec().qualifiedName()
                    + " --help')");
                return USAGE_ERROR;
            })
            .setExecutionExceptionHandler((ex, command, ignored) ->
            {
                err.println(command.getCommandSpec().qualifiedName() + " failed: " + oneLine(String.valueOf(ex)));
                return FAILED;
            });
    }

    /**
     * @return where a subcommand prints its progress and results.
     */
    public PrintStream out()
    {
        return out;
    }

    /**
     * @return where a subcommand prints what went wrong.
     */
    public PrintStream err()
    {
        return err;
    }

    /**
     * {@code bench} is the default: picocli has no default subcommand, so a command line that is empty or starts
     * with an option that the top level does not know is given to {@code bench}.
     */
    static String[] withDefaultSubcommand(final CommandLine commandLine, final String[] args)
    {
        if (args.length > 0 && !args[0].startsWith("-")
            || args.length > 0 && commandLine.getCommandSpec().optionsMap().containsKey(args[0]))
        {
            return args;
        }
        final String[] bench = new String[args.length + 1];
        bench[0] = DEFAULT_SUBCOMMAND;
        System.arraycopy(args, 0, bench, 1, args.length);
        return bench;
    }

    private static String oneLine(final String message)
    {
        return String.join(" ", Arrays.asList(String.valueOf(message).strip().split("\\s*\\R\\s*")));
    }

    /** The version line of {@code --version}: the jar's implementation version, if it has one. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String version = RingwayPerf.class.getPackage().getImplementationVersion();
            return new String[]{"ringway-perf " + (null == version ? "(development build)" : version)};
        }
    }
}
