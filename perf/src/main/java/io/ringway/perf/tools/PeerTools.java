package io.ringway.perf.tools;

import io.ringway.perf.stat.StatCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The peer tools, for the {@code ringway-perf} command line to register, and a {@link #main} that runs them on
 * their own.
 * <pre>{@code
 * for (Object command : PeerTools.commands()) { commandLine.addSubcommand(command); }
 * commandLine.setParameterExceptionHandler(PeerTools::oneLineError);
 * }</pre>
 */
@Command(name = "ringway-perf", mixinStandardHelpOptions = true, description = "Ringway's peer tools and stat.")
public final class PeerTools
{
    private PeerTools()
    {
    }

    /**
     * @return a new instance of each tool's command: pub, sub, push, pull, req, rep and stat.
     */
    public static Object[] commands()
    {
        return new Object[]{ new PubTool(), new SubTool(), new PushTool(), new PullTool(), new ReqTool(), new RepTool(),
            new StatCommand() };
    }

    /**
     * @return a command line with every tool as a subcommand and one-line usage errors (exit status 2).
     */
    public static CommandLine commandLine()
    {
        final CommandLine commandLine = new CommandLine(new PeerTools());
        for (final Object command : commands())
        {
            commandLine.addSubcommand(command);
        }
        return commandLine.setParameterExceptionHandler(PeerTools::oneLineError);
    }

    /**
     * Prints a usage error as one line, {@code <command>: <message> (see --help)}, with no usage text and no
     * stack trace.
     *
     * @param ex   what the parser refused.
     * @param args the command line.
     * @return {@link ToolExit#USAGE}.
     */
    public static int oneLineError(final CommandLine.ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        final PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandName() + ": " + ex.getMessage() + " (see --help)");
        err.flush();
        return ToolExit.USAGE;
    }

    /**
     * Runs one tool and exits with its status.
     *
     * @param args the tool's name and its options, e.g. {@code pull --bind tcp://127.0.0.1:5557 --count 100}.
     */
    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }
}
