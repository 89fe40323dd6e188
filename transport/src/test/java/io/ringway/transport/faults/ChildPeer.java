package io.ringway.transport.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link FaultPeer} in a child JVM, from the parent's side: the lines it printed (collected by a reader thread),
 * and the signals a test sends it: SIGKILL, SIGSTOP, SIGCONT.
 */
final class ChildPeer implements AutoCloseable
{
    private final Process process;
    private final PrintStream stdin;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Long> arrivalsNs = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private String readyLine;

    private ChildPeer(final Process process)
    {
        this.process = process;
        this.stdin = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.reader = new Thread(this::readLines, "child-peer-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a peer and waits for its {@code ready}.
     *
     * @param role     as {@link FaultPeer} takes it.
     * @param endpoint the parent link's endpoint.
     * @param name     the peer's name.
     * @return the started peer.
     */
    static ChildPeer start(final String role, final String endpoint, final String name)
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try
        {
            final ChildPeer peer = new ChildPeer(new ProcessBuilder(java,
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                FaultPeer.class.getName(), role, endpoint, name)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start());
            peer.awaitLines(1, Duration.ofSeconds(30));
            assertTrue(peer.lines.get(0).startsWith("ready"), () -> name + " said " + peer.lines);
            peer.readyLine = peer.lines.remove(0);
            peer.arrivalsNs.remove(0);
            return peer;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
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
                arrivalsNs.add(System.nanoTime()); // first, so a line seen has its time
                lines.add(line);
            }
        }
        catch (final IOException ex)
        {
            // The process died (SIGKILL): its lines end here.
        }
    }

    /** @return what it said after {@code ready}, such as a member's bound endpoint; "" if nothing. */
    String readyArgument()
    {
        return readyLine.length() > "ready ".length() ? readyLine.substring("ready ".length()) : "";
    }

    /** @return what it printed since {@code ready}; live. */
    List<String> lines()
    {
        return lines;
    }

    /** @return when each line of {@link #lines()} was read here, by {@link System#nanoTime()}; live. */
    List<Long> arrivalsNs()
    {
        return arrivalsNs;
    }

    /**
     * @param count   lines to wait for.
     * @param timeout how long.
     */
    void awaitLines(final int count, final Duration timeout)
    {
        FaultAwait.until(() -> lines.size() >= count, timeout, () -> "lines " + lines.size() + " of " + count);
    }

    /** @param line written to its stdin. */
    void tell(final String line)
    {
        stdin.println(line);
    }

    /** SIGKILL; waits for it to die and for every line it printed before dying to be read. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        FaultAwait.until(() -> !process.isAlive(), Duration.ofSeconds(10), () -> "killed peer still alive");
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** @param signal such as {@code STOP} or {@code CONT}. */
    void signal(final String signal)
    {
        try
        {
            final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && 0 == kill.exitValue(), "kill -" + signal);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Resumes a stopped peer; one that exits meanwhile makes {@code kill} fail, which is no failure. */
    private void resumeIfAlive()
    {
        try
        {
            if (process.isAlive())
            {
                signal("CONT");
            }
        }
        catch (final AssertionError ex)
        {
            if (process.isAlive())
            {
                throw ex;
            }
        }
    }

    /** Ends its stdin, so it closes its runtime and exits; kills it if it has not within 10 s. */
    @Override
    public void close() throws InterruptedException
    {
        resumeIfAlive();
        stdin.close();
        if (!process.waitFor(10, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }
}
