package io.ringway.perf.stat;

import io.ringway.perf.tools.ToolExit;
import io.ringway.runtime.status.CountersFile;
import io.ringway.runtime.status.CountersFileDescriptor;
import io.ringway.runtime.status.CountersFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code stat [--dir D] [--watch]}: prints the counters of the Ringway runtime whose directory is {@code D}
 * (by default {@link CountersFile#defaultDirectory()}), a row per actor, dispatcher, link, ring and reader, a
 * column per counter type; {@code --watch} prints them again every second until interrupted, like AeronStat.
 * It maps the counters file read-only in spirit (it never writes) and works while the runtime runs and after it
 * has closed (the file says which).
 */
@Command(name = "stat", mixinStandardHelpOptions = true,
    description = "Print the live counters of a running Ringway process, read from its counters file.")
public final class StatCommand implements Callable<Integer>
{
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";
    private static final long WATCH_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "D", description = "the runtime directory, or its counters file; "
        + "default: the runtime's default directory")
    Path directory;

    @Option(names = "--watch", description = "print again every second until interrupted")
    boolean watch;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Path where = null != directory ? directory : CountersFile.defaultDirectory();
        final CountersFileReader reader;
        try
        {
            reader = CountersFileReader.open(where);
        }
        catch (final RuntimeException ex)
        {
            err.println("stat: " + ex.getMessage() + " (see --help)");
            err.flush();
            return ToolExit.USAGE;
        }
        try (reader)
        {
            do
            {
                if (watch)
                {
                    out.print(CLEAR_SCREEN);
                }
                print(reader, where, out);
                if (watch)
                {
                    final long untilNs = System.nanoTime() + WATCH_INTERVAL_NS;
                    while (untilNs - System.nanoTime() > 0 && !Thread.currentThread().isInterrupted())
                    {
                        LockSupport.parkNanos(untilNs - System.nanoTime());
                    }
                }
            }
            while (watch && !Thread.currentThread().isInterrupted());
        }
        return ToolExit.OK;
    }

    private static void print(final CountersFileReader reader, final Path where, final PrintWriter out)
    {
        final boolean running = reader.status() == CountersFileDescriptor.STATUS_RUNNING;
        out.println("ringway " + where + ": pid " + reader.pid() + ", started " + Instant.ofEpochMilli(reader.startTimeMs())
            + ", " + (running ? "running" : "closed") + ", at " + Instant.now());
        for (final String line : CounterTable.read(reader.countersReader()).format())
        {
            out.println(line);
        }
        out.flush();
    }
}
