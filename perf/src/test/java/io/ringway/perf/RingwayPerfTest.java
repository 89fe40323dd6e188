package io.ringway.perf;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The command line's parsing and exit codes. Running a suite takes minutes, so the tests stop at what the
 * command line decides to run; the suites themselves are run by hand and recorded in perf/RESULTS.md.
 */
class RingwayPerfTest
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args)
    {
        return RingwayPerf.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRunTheCoreSuiteWhenNoSuiteIsNamed()
    {
        final RingwayPerf.Command command = RingwayPerf.Command.parse(new String[]{"bench", "--quick"});

        assertNull(command.error);
        assertEquals(RingwayPerf.SUITE_CORE, command.suite);
        assertTrue(command.quick);
        assertFalse(command.gc);
    }

    @Test
    void shouldRunThePatternSuiteWhenNamed()
    {
        final RingwayPerf.Command command =
            RingwayPerf.Command.parse(new String[]{"bench", "--suite", "patterns", "--gc"});

        assertNull(command.error);
        assertEquals(RingwayPerf.SUITE_PATTERNS, command.suite);
        assertTrue(command.gc);
        assertFalse(command.quick);
    }

    @Test
    void shouldRunTheTcpSuiteWhenNamed()
    {
        final RingwayPerf.Command command = RingwayPerf.Command.parse(new String[]{"bench", "--suite", "tcp"});

        assertNull(command.error);
        assertEquals(RingwayPerf.SUITE_TCP, command.suite);
    }

    @Test
    void shouldAcceptTheSuiteWithoutBench()
    {
        final RingwayPerf.Command command = RingwayPerf.Command.parse(new String[]{"--suite", "core"});

        assertNull(command.error);
        assertEquals(RingwayPerf.SUITE_CORE, command.suite);
    }

    @Test
    void shouldExitWithUsageErrorForAnUnknownSuite()
    {
        assertEquals(2, run("bench", "--suite", "pipelines"));
        final String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unknown suite 'pipelines'"), message);
        assertTrue(message.contains("usage:"), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldExitWithUsageErrorWhenTheSuiteIsMissing()
    {
        assertEquals(2, run("bench", "--suite"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--suite needs a suite"));
    }

    @Test
    void shouldExitWithUsageErrorWhenBenchIsNotFirst()
    {
        assertEquals(2, run("--quick", "bench"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'bench' must come first"));
    }

    @Test
    void shouldExitWithUsageErrorForAnUnknownArgument()
    {
        assertEquals(2, run("bench", "--fast"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown argument '--fast'"));
    }

    @Test
    void shouldPrintUsageNamingBothSuitesOnHelp()
    {
        assertEquals(0, run("--help"));
        final String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.contains("--suite core|patterns"), usage);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
