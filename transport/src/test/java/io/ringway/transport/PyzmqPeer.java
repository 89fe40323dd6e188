package io.ringway.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A libzmq peer in a child process: Debian's python3-zmq, run as {@code /usr/bin/python3 peer.py MODE ARGS}.
 * Its stdout lines are collected by a reader thread; every wait is bounded; {@link #close()} destroys it.
 */
final class PyzmqPeer implements AutoCloseable
{
    static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private PyzmqPeer(final Process process)
    {
        this.process = process;
        this.reader = new Thread(this::readLines, "pyzmq-peer-stdout");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static PyzmqPeer start(final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(PYTHON);
        command.add(script().toString());
        command.addAll(List.of(args));
        try
        {
            return new PyzmqPeer(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path script()
    {
        try
        {
            return Path.of(PyzmqPeer.class.getResource("/pyzmq/peer.py").toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void readLines()
    {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while (null != (line = in.readLine()))
            {
                lines.add(line);
            }
        }
        catch (final IOException ex)
        {
            lines.add("stdout failed: " + ex);
        }
    }

    /**
     * @return the next line the peer printed, waiting at most 15 s.
     */
    String nextLine()
    {
        try
        {
            final String line = lines.poll(15, TimeUnit.SECONDS);
            if (null == line)
            {
                throw new AssertionError("pyzmq peer printed nothing within 15 s; alive=" + process.isAlive());
            }
            return line;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /**
     * @return the peer's exit code, waiting at most 15 s.
     */
    int exitCode()
    {
        try
        {
            if (!process.waitFor(15, TimeUnit.SECONDS))
            {
                throw new AssertionError("pyzmq peer did not exit within 15 s");
            }
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /**
     * Writes a line to the child's stdin.
     *
     * @param line the line, without its newline.
     */
    void writeLine(final String line)
    {
        try
        {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Sends the child a signal, e.g. {@code STOP} to hang it or {@code CONT} to resume it.
     *
     * @param signal the signal's name, without {@code SIG}.
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

    @Override
    public void close()
    {
        try
        {
            if (process.isAlive())
            {
                signal("CONT"); // a stopped process cannot act on SIGKILL's cleanup until resumed on some kernels
            }
        }
        catch (final AssertionError ex)
        {
            if (process.isAlive())
            {
                throw ex;
            }
            // It exited between the check and the signal: kill fails with "no such process", which is no fault.
        }
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
