package io.ringway.perf.tools;

import io.ringway.runtime.status.CountersFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tools in their own JVMs, talking to each other and to a pyzmq peer over tcp on 127.0.0.1: each binds to
 * port {@code *} and the other side connects to the port it printed.
 */
class PeerToolsProcessTest
{
    private static final String ANY_PORT = "tcp://127.0.0.1:*";
    private static final String BOUND = "bound (\\S+)";

    @Test
    void shouldPushEveryMessageToAPull()
    {
        try (PerfProcess pull = PerfProcess.tool("pull", "--bind", ANY_PORT, "--count", "5000", "--json");
             PerfProcess push = PerfProcess.tool("push", "--connect", pull.awaitStderr(BOUND), "--count", "5000",
                 "--size", "100", "--json"))
        {
            final JsonSummary pushed = new JsonSummary(push.lastStdout());
            assertEquals(0, push.awaitExit(), push.remainingStderr());
            final JsonSummary pulled = new JsonSummary(pull.lastStdout());
            assertEquals(0, pull.awaitExit(), pull.remainingStderr());

            assertEquals(5000, pushed.count("sent"), pushed.toString());
            assertEquals(0, pushed.count("dropped"), pushed.toString());
            assertEquals(5000, pulled.count("received"), pulled.toString());
            assertEquals(0, pulled.count("dropped") + pulled.count("errors"), pulled.toString());
        }
    }

    @Test
    void shouldPullFromABoundAndAConnectedEndpointAtOnce()
    {
        try (PerfProcess boundPush = PerfProcess.tool("push", "--bind", ANY_PORT, "--count", "300", "--json");
             PerfProcess pull = PerfProcess.tool("pull", "--bind", ANY_PORT, "--connect",
                 boundPush.awaitStderr(BOUND), "--count", "500", "--json");
             PerfProcess connectedPush = PerfProcess.tool("push", "--connect", pull.awaitStderr(BOUND), "--count",
                 "200", "--json"))
        {
            assertEquals(0, boundPush.awaitExit(), boundPush.remainingStderr());
            assertEquals(0, connectedPush.awaitExit(), connectedPush.remainingStderr());
            assertEquals(300, new JsonSummary(boundPush.lastStdout()).count("sent"));
            assertEquals(200, new JsonSummary(connectedPush.lastStdout()).count("sent"));
            final JsonSummary pulled = new JsonSummary(pull.lastStdout());
            assertEquals(0, pull.awaitExit(), pull.remainingStderr());
            assertEquals(500, pulled.count("received"), pulled.toString());
        }
    }

    @Test
    void shouldDeliverOnlyTheSubscribedTopicsToASub()
    {
        try (PerfProcess sub = PerfProcess.tool("sub", "--bind", ANY_PORT, "--topic", "EUR", "--idle-exit-ms",
            "1000", "--json"))
        {
            final String endpoint = sub.awaitStderr(BOUND);
            // The first publisher's topic is not subscribed: its XPUB filters out every message it sends.
            try (PerfProcess gbp = PerfProcess.tool("pub", "--connect", endpoint, "--topic", "GBPUSD", "--count", "300",
                "--json"))
            {
                final JsonSummary published = new JsonSummary(gbp.lastStdout());
                assertEquals(0, gbp.awaitExit(), gbp.remainingStderr());
                assertEquals(300, published.count("sent"), published.toString());
            }
            try (PerfProcess eur = PerfProcess.tool("pub", "--connect", endpoint, "--topic", "EURUSD", "--count", "200",
                "--rate", "20000", "--json"))
            {
                final JsonSummary published = new JsonSummary(eur.lastStdout());
                assertEquals(0, eur.awaitExit(), eur.remainingStderr());
                assertEquals(200, published.count("sent"), published.toString());
            }
            final JsonSummary received = new JsonSummary(sub.lastStdout());
            assertEquals(0, sub.awaitExit(), sub.remainingStderr());
            assertEquals(200, received.count("received"), received.toString());
            assertEquals(0, received.count("beyondCount"), received.toString());
        }
    }

    @Test
    void shouldPrintTheSummaryWhenTerminated(@TempDir final Path directory)
    {
        try (PerfProcess pull = PerfProcess.tool("pull", "--bind", ANY_PORT, "--dir", directory.toString(), "--json"))
        {
            try (PerfProcess push = PerfProcess.tool("push", "--connect", pull.awaitStderr(BOUND), "--count", "10"))
            {
                assertEquals(0, push.awaitExit(), push.remainingStderr());
            }
            // Read the pull's counters file until its actor has taken all ten, then stop it.
            try (CountersFileReader counters = CountersFileReader.open(directory))
            {
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (counters.snapshot().getOrDefault("actor sink: received", 0L) < 10)
                {
                    assertTrue(deadlineNs - System.nanoTime() > 0, () -> "pull's counters " + counters.snapshot());
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
            pull.signal("TERM");
            final JsonSummary summary = new JsonSummary(pull.lastStdout());
            assertEquals(143, pull.awaitExit(), "128 + SIGTERM");
            assertEquals(10, summary.count("received"), summary.toString());
        }
    }

    @Test
    void shouldPullFromAPyzmqPush() throws Exception
    {
        assumeTrue(pyzmqAvailable(), "python3-zmq is not installed");
        try (PerfProcess pull = PerfProcess.tool("pull", "--bind", ANY_PORT, "--count", "1000", "--json");
             PerfProcess push = PerfProcess.python(script(), "push", pull.awaitStderr(BOUND), "1000"))
        {
            assertEquals("sent 1000", push.nextStdout());
            final JsonSummary pulled = new JsonSummary(pull.lastStdout());
            assertEquals(0, pull.awaitExit(), pull.remainingStderr());
            assertEquals(1000, pulled.count("received"), pulled.toString());
        }
    }

    @Test
    void shouldReportRoundTripPercentilesOfRequestsToARep()
    {
        try (PerfProcess rep = PerfProcess.tool("rep", "--bind", ANY_PORT, "--json"))
        {
            try (PerfProcess req = PerfProcess.tool("req", "--connect", rep.awaitStderr(BOUND), "--count", "200",
                "--size", "32", "--timeout-ms", "10000", "--json"))
            {
                final JsonSummary trips = new JsonSummary(req.lastStdout());
                assertEquals(0, req.awaitExit(), req.remainingStderr());
                assertEquals(200, trips.count("sent"), trips.toString());
                assertEquals(200, trips.count("received"), trips.toString());
                assertEquals(0, trips.count("dropped") + trips.count("errors"), trips.toString());
                final double p50 = trips.number("p50Us");
                assertTrue(p50 > 0, trips.toString());
                assertTrue(trips.number("p90Us") >= p50, trips.toString());
                assertTrue(trips.number("p99Us") >= trips.number("p90Us"), trips.toString());
                assertTrue(trips.number("p999Us") >= trips.number("p99Us"), trips.toString());
                assertTrue(trips.number("maxUs") >= trips.number("p999Us"), trips.toString());
            }
            // rep runs until it is stopped, and then says what it served.
            rep.signal("TERM");
            final JsonSummary served = new JsonSummary(rep.lastStdout());
            assertEquals(143, rep.awaitExit(), "128 + SIGTERM");
            assertEquals(200, served.count("received"), served.toString());
            assertEquals(200, served.count("sent"), served.toString());
        }
    }

    @Test
    void shouldSendRequestsToAPyzmqRep() throws Exception
    {
        assumeTrue(pyzmqAvailable(), "python3-zmq is not installed");
        try (PerfProcess rep = PerfProcess.python(script(), "rep-bind"))
        {
            try (PerfProcess req = PerfProcess.tool("req", "--connect", rep.nextStdout(), "--count", "100",
                "--timeout-ms", "10000", "--json"))
            {
                final JsonSummary trips = new JsonSummary(req.lastStdout());
                assertEquals(0, req.awaitExit(), req.remainingStderr());
                assertEquals(100, trips.count("received"), trips.toString());
                assertEquals(0, trips.count("dropped") + trips.count("errors"), trips.toString());
                assertTrue(trips.number("p50Us") > 0, trips.toString());
            }
        }
    }

    static boolean pyzmqAvailable()
    {
        if (!Files.isExecutable(Path.of(PerfProcess.PYTHON)))
        {
            return false;
        }
        try
        {
            final Process probe = new ProcessBuilder(PerfProcess.PYTHON, "-c", "import zmq").start();
            return probe.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0;
        }
        catch (final java.io.IOException ex)
        {
            return false;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Path script() throws Exception
    {
        return Path.of(PeerToolsProcessTest.class.getResource("/pyzmq/tool_peer.py").toURI());
    }
}
