package io.ringway.perf.soak;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The soak, short: a few seconds of the trading topology in-process and across two JVMs over tcp, with every
 * figure the long run reports checked. The long run is {@code ringway-perf soak}, recorded in docs/RELIABILITY.md.
 */
class SoakTest
{
    private static final long RATE_PER_SECOND = 5_000;
    private static final Duration DURATION = Duration.ofSeconds(3);
    private static final int RING_SIZE = 1024;

    @Test
    void shouldLoseRepeatReorderAndLeakNothingInProcess()
    {
        final SoakReport report = Soak.inProcess(RATE_PER_SECOND, DURATION, RING_SIZE, null);

        assertClean(report, "");
        assertEquals(0, report.get("end.threads") - report.get("start.threads"), report.toTable());
    }

    @Test
    void shouldLoseRepeatReorderAndLeakNothingAcrossTwoProcessesOverTcp()
    {
        final SoakReport report = Soak.overTcp(RATE_PER_SECOND, DURATION, RING_SIZE, null);

        assertClean(report, "child.");
        assertEquals(report.get("ticks.sent"), report.get("link.sent"), report.toTable());
        assertEquals(0, report.get("link.dropped"), report.toTable());
        assertEquals(report.get("ticks.sent"), report.get("child.wire.received"), report.toTable());
        assertEquals(0, report.get("child.wire.lost"), report.toTable());
        assertEquals(0, report.get("child.wire.duplicated"), report.toTable());
        assertEquals(0, report.get("child.wire.outOfOrder"), report.toTable());
        assertEquals(0, report.get("end.threads") - report.get("start.threads"), report.toTable());
        assertEquals(0, report.get("child.end.threads") - report.get("child.start.threads"), report.toTable());
    }

    private static void assertClean(final SoakReport report, final String side)
    {
        final String table = report.toTable();
        final long sent = report.get("ticks.sent");
        // At 5,000/s for 3 s; a loaded machine may fall behind, but never by half.
        assertTrue(sent >= RATE_PER_SECOND * DURATION.toSeconds() / 2, table);
        assertEquals(sent, report.get(side + "ticks.received"), table);
        assertEquals(0, report.get(side + "ticks.lost"), table);
        assertEquals(0, report.get(side + "ticks.dropped"), table);
        assertEquals(sent, report.get(side + "orders.accepted"), table);
        assertEquals(0, report.get(side + "orders.lost"), table);
        assertEquals(0, report.get(side + "orders.duplicated"), table);
        assertEquals(0, report.get(side + "orders.outOfOrder"), table);
        assertEquals(0, report.get(side + "orders.dropped"), table);
        assertTrue(report.get(side + "quotes.requested") > 0, table);
        assertEquals(report.get(side + "quotes.requested"), report.get(side + "quotes.completed"), table);
        assertEquals(0, report.get(side + "quiet.timedOut"), table);
        assertTrue(report.get(side + "start.heapUsedBytes") > 0, table);
        assertTrue(report.get(side + "start.fileDescriptors") > 0, table);
        assertEquals(List.of(), report.violations(), table);
    }

    @Test
    void shouldFailARunThatLostRepeatedOrLeaked()
    {
        final SoakReport report = new SoakReport()
            .put("ticks.lost", 0)
            .put("child.orders.duplicated", 2)
            .put("start", new ProcessProbe(10L << 20, 11, 12))
            .put("end", new ProcessProbe(100L << 20, 12, 12));

        final List<String> violations = report.violations();

        assertEquals(3, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("child.orders.duplicated is 2"), violations.toString());
        assertTrue(violations.get(1).startsWith("threads grew from 11 to 12"), violations.toString());
        assertTrue(violations.get(2).startsWith("heapUsedBytes grew"), violations.toString());
    }

    @Test
    void shouldCarryAReportAcrossTheChildsOneLine()
    {
        final SoakReport report = new SoakReport().put("wire.received", 42).put("start", new ProcessProbe(1, 2, 3));

        final SoakReport parsed = SoakReport.parse(report.toLine());

        assertEquals(report.toLine(), parsed.toLine());
        assertEquals(42, parsed.get("wire.received"));
    }

    @Test
    void shouldRefuseARateOfZeroWithAUsageError()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CommandLine command = new CommandLine(new SoakCommand());
        command.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));

        final int status = command.execute("--rate", "0", "--seconds", "1");

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--rate 0 must be between"), err.toString());
    }

    @Test
    void shouldRunAShortSoakFromTheCommandLineAndPass()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final CommandLine command = new CommandLine(new SoakCommand(new PrintStream(out, true, StandardCharsets.UTF_8)));

        final int status = command.execute("--mode", "inproc", "--rate", "2000", "--seconds", "1");

        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("PASS"), out.toString(StandardCharsets.UTF_8));
    }
}
