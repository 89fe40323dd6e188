package io.ringway.perf.stat;

import io.ringway.perf.RingwayPerf;
import io.ringway.perf.tools.PerfProcess;
import io.ringway.perf.tools.ToolExit;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stat} reading the counters file of a runtime in another process (a {@code pull} tool fed by a
 * {@code push}), and of one in this JVM for {@code --watch}; a directory without a runtime is a usage error.
 */
class StatCommandTest
{
    private static final int SENT = 0;
    private static final int RECEIVED = 1;
    private static final int DROPPED = 3;

    @TempDir
    Path directory;

    private static String stat(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = RingwayPerf.commandLine(new PrintStream(out, true), new PrintStream(err, true))
            .execute(args);
        assertEquals(ToolExit.OK, status, err::toString);
        return out.toString();
    }

    /**
     * @return the value in a row's column, or -1 if there is no such row.
     */
    private static long cell(final String table, final String owner, final int column)
    {
        final Matcher row = Pattern.compile("(?m)^" + Pattern.quote(owner) + "((?:\\s+\\d+){6})").matcher(table);
        if (!row.find())
        {
            return -1;
        }
        return Long.parseLong(row.group(1).trim().split("\\s+")[column]);
    }

    private static void await(final BooleanSupplier condition, final String what)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertTrue(deadlineNs - System.nanoTime() > 0, "timed out: " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void shouldPrintTheCountersOfARuntimeInAnotherProcess()
    {
        try (PerfProcess pull = PerfProcess.tool("pull", "--bind", "tcp://127.0.0.1:*", "--dir", directory.toString()))
        {
            try (PerfProcess push = PerfProcess.tool("push", "--connect", pull.awaitStderr("bound (\\S+)"), "--count",
                "25"))
            {
                assertEquals(0, push.awaitExit());
            }
            final String[] table = new String[1];
            await(() ->
            {
                table[0] = stat("stat", "--dir", directory.toString());
                return cell(table[0], "link pull", RECEIVED) == 25;
            }, "link pull received 25");
            assertTrue(table[0].contains("running"), table[0]);
            assertEquals(25, cell(table[0], "actor sink", RECEIVED), table[0]);
            assertEquals(0, cell(table[0], "link pull", SENT), table[0]);
            assertEquals(0, cell(table[0], "link pull", DROPPED), "dropped: " + table[0]);
            assertTrue(table[0].contains("pid " + pull.pid()), table[0]);
        }
    }

    @Test
    void shouldPrintAgainEverySecondWhenWatching() throws Exception
    {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
        final Actor ignore = (buffer, offset, length, header) -> { };
        try (Ringway ringway = Ringway.builder().runtimeDirectory(directory).actor("echo", context -> ignore)
            .build().start())
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final Thread watcher = new Thread(() -> RingwayPerf.commandLine(new PrintStream(out, true), System.err)
                .execute("stat", "--dir", directory.toString(), "--watch"), "stat-watch");
            watcher.start();
            await(() -> out.toString().contains("actor echo"), "a first table");
            assertTrue(ringway.actor("echo").offer(message, 0, 8) >= 0);
            await(() -> ringway.actorCounters("echo").get(io.ringway.runtime.status.CounterType.RECEIVED) == 1,
                "echo took the message");
            await(() -> out.toString().split("ringway ").length > 2
                && cell(out.toString().substring(out.toString().lastIndexOf("ringway ")), "actor echo", RECEIVED) == 1,
                "a later table showing the message received: " + out);
            watcher.interrupt();
            watcher.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(watcher.isAlive(), "stat --watch ends when interrupted");
        }
    }

    @Test
    void shouldRefuseADirectoryWithoutARuntime()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = RingwayPerf.commandLine(System.out, new PrintStream(err, true))
            .execute("stat", "--dir", directory.resolve("none").toString());
        assertEquals(ToolExit.USAGE, status);
        assertTrue(err.toString().startsWith("stat: no counters file at"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
