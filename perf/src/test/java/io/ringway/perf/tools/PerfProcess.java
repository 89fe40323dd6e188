package io.ringway.perf.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process for the tools' end-to-end tests: a JVM running {@link #MAIN_CLASS} on the test class path, or
 * a pyzmq peer ({@code /usr/bin/python3}). Its stdout and stderr lines are collected by reader threads; every
 * wait is bounded; {@link #close()} destroys it.
 */
public final class PerfProcess implements AutoCloseable
{
    /** The command line the tools run under; RingwayPerf once it registers them. */
    static final String MAIN_CLASS = "io.ringway.perf.RingwayPerf";
    static final String PYTHON = "/usr/bin/python3";
    private static final long WAIT_SECONDS = 30;

    private final Process process;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> err = new LinkedBlockingQueue<>();
    private final List<String> outSeen = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    private PerfProcess(final List<String> command)
    {
        try
        {
            process = new ProcessBuilder(command).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        readers.add(read(process.getInputStream(), out, "stdout"));
        readers.add(read(process.getErrorStream(), err, "stderr"));
    }

    /**
     * @param args a tool and its options.
     * @return the tool, running in its own JVM.
     */
    public static PerfProcess tool(final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        command.addAll(List.of(args));
        return new PerfProcess(command);
    }

    /**
     * @param script a script in the test resources, e.g. {@code /pyzmq/tool_peer.py}.
     * @param args   its arguments.
     * @return the script, running under {@link #PYTHON}.
     */
    static PerfProcess python(final Path script, final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(PYTHON);
        command.add(script.toString());
        command.addAll(List.of(args));
        return new PerfProcess(command);
    }

    private static Thread read(final InputStream stream, final BlockingQueue<String> lines, final String name)
    {
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = in.readLine()))
                {
                    lines.add(line);
                }
            }
            catch (final IOException ex)
            {
                lines.add(name + " failed: " + ex);
            }
        }, "perf-process-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /**
     * Waits for a line on stderr that matches a pattern, skipping others.
     *
     * @param regex with one group.
     * @return the group of the first matching line.
     */
    public String awaitStderr(final String regex)
    {
        final Pattern pattern = Pattern.compile(regex);
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        final List<String> skipped = new ArrayList<>();
        while (deadlineNs - System.nanoTime() > 0)
        {
            final String line = poll(err, deadlineNs);
            if (null == line)
            {
                break;
            }
            final Matcher matcher = pattern.matcher(line);
            if (matcher.find())
            {
                return matcher.group(1);
            }
            skipped.add(line);
        }
        throw new AssertionError("no stderr line matching " + regex + " within " + WAIT_SECONDS + " s; saw "
            + skipped + "; alive=" + process.isAlive());
    }

    /**
     * @return the next stdout line, waiting at most 30 s.
     */
    String nextStdout()
    {
        final String line = poll(out, System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS));
        if (null == line)
        {
            throw new AssertionError("nothing on stdout within " + WAIT_SECONDS + " s; alive=" + process.isAlive()
                + "; stderr " + err);
        }
        outSeen.add(line);
        return line;
    }

    /**
     * Waits for the process to end and returns the last line it printed on stdout.
     *
     * @return that line.
     */
    String lastStdout()
    {
        awaitExit();
        String last = outSeen.isEmpty() ? null : outSeen.get(outSeen.size() - 1);
        for (String line = out.poll(); null != line; line = out.poll())
        {
            outSeen.add(line);
            last = line;
        }
        if (null == last)
        {
            throw new AssertionError("nothing on stdout; stderr " + err);
        }
        return last;
    }

    /** @return everything printed on stderr not yet consumed by {@link #awaitStderr}, once the process ended. */
    String remainingStderr()
    {
        awaitExit();
        final List<String> lines = new ArrayList<>();
        err.drainTo(lines);
        return String.join("\n", lines);
    }

    /**
     * @return the exit status, waiting at most 30 s.
     */
    public int awaitExit()
    {
        try
        {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS))
            {
                throw new AssertionError("process did not exit within " + WAIT_SECONDS + " s; stderr " + err);
            }
            // The readers may still be draining the pipes: wait for them to see the end.
            for (final Thread reader : readers)
            {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            }
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /** @return the process id. */
    public long pid()
    {
        return process.pid();
    }

    /**
     * @param signal {@code TERM} or {@code INT}.
     */
    void signal(final String signal)
    {
        try
        {
            final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0)
            {
                throw new AssertionError("kill -" + signal + " failed");
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    private static String poll(final BlockingQueue<String> lines, final long deadlineNs)
    {
        try
        {
            return lines.poll(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
        try
        {
            process.waitFor(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
