package io.ringway.perf.tools;

import io.ringway.runtime.CloseReport;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.endpoint.LinkDirection;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.status.CounterType;
import io.ringway.runtime.status.CountersFile;
import io.ringway.runtime.status.CountersFileDescriptor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * What every peer tool does around its own loop: check the arguments, build and start its runtime (a bad
 * endpoint or an address in use is a usage error), print where it listens, run until done or until SIGINT or
 * SIGTERM, close the runtime (which sends what its links still hold, within their linger), and print one
 * summary line, exactly once.
 * <p>
 * A signal runs a shutdown hook that asks the loop to stop and waits for the summary to be printed; the loop
 * checks {@link #stopping()} between messages and in every wait.
 * <p>
 * Thread safety: {@link #call()} runs on one thread; {@link #stopping()} may be read from any.
 */
abstract class PeerTool implements Callable<Integer>
{
    /** How long close() lets messages in flight drain: the links' linger adds up to 1 s after it. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(1);
    /** How long the shutdown hook waits for the summary: drain, linger and margin. */
    private static final long SHUTDOWN_WAIT_MS = 10_000;
    private static final long WAIT_STEP_NS = 1_000_000;

    @Spec
    CommandSpec spec;

    @Mixin
    EndpointOptions endpoints;

    @Option(names = "--json", description = "print the summary as one JSON object on the last line of stdout")
    boolean json;

    @Option(names = "--dir", paramLabel = "DIR", description = "runtime directory, where the counters file that "
        + "`stat --dir DIR` reads is kept; default: a directory of this process's own, removed at exit")
    Path directory;

    private volatile boolean stopRequested;
    private final CountDownLatch summaryPrinted = new CountDownLatch(1);

    /**
     * Checks the tool's own options. The endpoints are checked before this.
     *
     * @throws ParameterException naming the bad option.
     */
    abstract void validate();

    /**
     * @param settings  to apply to the runtime's builder: the runtime directory and the drain timeout.
     * @param endpoints the endpoints given, in order, at least one.
     * @return the tool's runtime, built, not started.
     */
    abstract Ringway build(Consumer<RingwayBuilder> settings, List<LinkEndpoint> endpoints);

    /**
     * @param settings as given to {@link #build(Consumer, List)}.
     * @return a runtime builder with those settings.
     */
    static RingwayBuilder runtime(final Consumer<RingwayBuilder> settings)
    {
        final RingwayBuilder runtime = Ringway.builder();
        settings.accept(runtime);
        return runtime;
    }

    /** @return the names of the tool's links: their endpoints are printed and their counters summed. */
    abstract List<String> linkNames();

    /**
     * Moves messages until done or {@link #stopping()}.
     *
     * @param ringway the started runtime.
     * @param err     for progress and warnings.
     */
    abstract void run(Ringway ringway, PrintWriter err);

    /**
     * @param ringway the closed runtime; its counters can still be read.
     * @param report  what closing it discarded.
     * @return the summary to print.
     */
    abstract Summary summary(Ringway ringway, CloseReport report);

    @Override
    public final Integer call()
    {
        final String name = spec.name();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final List<LinkEndpoint> given;
        try
        {
            given = endpoints.require(spec);
            validate();
        }
        catch (final ParameterException ex)
        {
            return usageError(err, ex.getMessage());
        }

        final boolean ownDirectory = null == directory;
        final Path runtimeDirectory = ownDirectory ? processDirectory(name) : directory;
        final Ringway ringway;
        try
        {
            ringway = build(runtime -> runtime.runtimeDirectory(runtimeDirectory).drainTimeout(DRAIN_TIMEOUT), given)
                .start();
        }
        catch (final RuntimeException ex)
        {
            // A malformed endpoint, a bind to every interface, an address in use: all arguments the user can fix.
            deleteIfOwn(ownDirectory, runtimeDirectory);
            return usageError(err, describe(ex));
        }
        printEndpoints(ringway, err, name, runtimeDirectory);

        final Thread hook = new Thread(this::onShutdown, "ringway-" + name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = ToolExit.OK;
        try
        {
            run(ringway, err);
        }
        catch (final RuntimeException ex)
        {
            err.println(name + ": failed: " + describe(ex));
            status = ToolExit.FAILED;
        }
        finally
        {
            ringway.close();
            final CloseReport report = ringway.closeReport();
            final Summary summary = summary(ringway, report);
            out.println(json ? summary.toJson() : summary.toText());
            out.flush();
            err.flush();
            summaryPrinted.countDown();
            removeHook(hook);
            deleteIfOwn(ownDirectory, runtimeDirectory);
        }
        return status;
    }

    /** @return true once SIGINT or SIGTERM asked the tool to stop. */
    final boolean stopping()
    {
        return stopRequested;
    }

    /**
     * Waits a little, for loops that poll a condition: at most a millisecond, so a signal is seen promptly.
     *
     * @param untilNs when the caller's wait ends, on {@link System#nanoTime()}.
     */
    static void pauseUntil(final long untilNs)
    {
        LockSupport.parkNanos(Math.max(1, Math.min(WAIT_STEP_NS, untilNs - System.nanoTime())));
    }

    /**
     * @param ringway a runtime.
     * @param type    which counter.
     * @return the sum of that counter over the tool's links.
     */
    final long linkCounter(final Ringway ringway, final CounterType type)
    {
        long sum = 0;
        for (final String link : linkNames())
        {
            sum += ringway.linkCounters(link).get(type);
        }
        return sum;
    }

    private void onShutdown()
    {
        stopRequested = true;
        try
        {
            summaryPrinted.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void printEndpoints(final Ringway ringway, final PrintWriter err, final String name, final Path dir)
    {
        for (final String link : linkNames())
        {
            for (final LinkEndpoint endpoint : ringway.link(link).endpoints())
            {
                err.println(name + ": " + (endpoint.direction() == LinkDirection.BIND ? "bound " : "connecting to ")
                    + endpoint.endpoint());
            }
        }
        err.println(name + ": counters in " + dir);
        err.flush();
    }

    private int usageError(final PrintWriter err, final String message)
    {
        err.println(spec.name() + ": " + message + " (see --help)");
        err.flush();
        return ToolExit.USAGE;
    }

    private static String describe(final Throwable ex)
    {
        Throwable cause = ex;
        while (null == cause.getMessage() && null != cause.getCause())
        {
            cause = cause.getCause();
        }
        return null != cause.getMessage() ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static void removeHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException shuttingDown)
        {
            // The hook is running: it is what asked us to stop.
        }
    }

    private static Path processDirectory(final String name)
    {
        final Path base = CountersFile.defaultDirectory();
        return base.resolveSibling(base.getFileName() + "-" + name + "-" + ProcessHandle.current().pid());
    }

    private static void deleteIfOwn(final boolean own, final Path dir)
    {
        if (!own)
        {
            return;
        }
        try
        {
            Files.deleteIfExists(dir.resolve(CountersFileDescriptor.FILE_NAME));
            Files.deleteIfExists(dir);
        }
        catch (final IOException ex)
        {
            // Left behind: the next runtime to use the directory replaces the file of a process that has gone.
        }
    }
}
