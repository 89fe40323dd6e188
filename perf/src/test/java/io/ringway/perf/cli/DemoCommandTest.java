package io.ringway.perf.cli;

import io.ringway.perf.RingwayPerf;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code demo} end to end at a low rate with backoff dispatchers (a fraction of a second), and its bad arguments.
 */
class DemoCommandTest
{
    private static final String[] HOPS = {
        "inject -> feed", "feed -> strategy", "strategy -> risk", "risk -> gateway", "gateway -> risk (reply)",
        "end to end"};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args)
    {
        return RingwayPerf.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintEveryHopsPercentilesForEveryTickWithNoLoss()
    {
        final int status = run("demo", "--rate", "2000", "--duration", "0.5", "--idle", "backoff");

        final String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
        final Matcher totals = Pattern.compile("ticks sent ([0-9,]+); orders accepted ([0-9,]+); lost 0 ")
            .matcher(printed);
        assertTrue(totals.find(), printed);
        final long ticks = Long.parseLong(totals.group(1).replace(",", ""));
        assertEquals(1000, ticks, 1, "0.5 s at 2000 ticks/s");
        assertEquals(ticks, Long.parseLong(totals.group(2).replace(",", "")));
        for (final String hop : HOPS)
        {
            // count, p50, p90, p99, p99.9, p99.99, max
            final Matcher row = Pattern.compile("(?m)^" + Pattern.quote(hop) + " +" + ticks
                + "( +[0-9]+\\.[0-9]{2}){6}$").matcher(printed);
            assertTrue(row.find(), hop + ": " + printed);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseARateOutOfRangeInOneLine()
    {
        assertEquals(RingwayPerf.USAGE_ERROR, run("demo", "--rate", "0"));
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--rate 0 is out of range"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAnUnknownIdleStrategyInOneLine()
    {
        assertEquals(RingwayPerf.USAGE_ERROR, run("demo", "--idle", "napping"));
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("napping"));
    }
}
