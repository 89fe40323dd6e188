package io.ringway.perf;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The top-level command line: bench as the default subcommand, help, and bad arguments (one line, exit status 2,
 * no stack trace). Nothing here runs a benchmark: each bad argument is refused before any fork starts.
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

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertOneLineUsageError(final int status, final String expected)
    {
        assertEquals(RingwayPerf.USAGE_ERROR, status, err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains(expected), err());
        assertFalse(err().contains("Exception") || err().contains("\tat "), err());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    private static String[] withDefault(final String... args)
    {
        return RingwayPerf.withDefaultSubcommand(RingwayPerf.commandLine(System.out, System.err), args);
    }

    @Test
    void shouldRunBenchWhenNoSubcommandIsGiven()
    {
        assertArrayEquals(new String[]{"bench"}, withDefault());
    }

    @Test
    void shouldGiveLeadingOptionsToBench()
    {
        assertArrayEquals(new String[]{"bench", "--suite", "core"}, withDefault("--suite", "core"));
    }

    @Test
    void shouldKeepANamedSubcommandOrATopLevelOption()
    {
        assertArrayEquals(new String[]{"bench", "--gc"}, withDefault("bench", "--gc"));
        assertArrayEquals(new String[]{"--help"}, withDefault("--help"));
        assertArrayEquals(new String[]{"-V"}, withDefault("-V"));
    }

    @Test
    void shouldListBenchInTheTopLevelHelp()
    {
        assertEquals(0, run("--help"));
        final String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("ringway-perf"), help);
        assertTrue(help.contains("bench"), help);
    }

    @Test
    void shouldRefuseAnUnknownOptionInOneLine()
    {
        assertOneLineUsageError(run("--frobnicate"), "Unknown option: '--frobnicate'");
    }

    @Test
    void shouldRefuseAnUnknownSubcommandInOneLine()
    {
        assertOneLineUsageError(run("frobnicate"), "frobnicate");
    }

    @Test
    void shouldRefuseAnUnknownSuiteInOneLine()
    {
        assertOneLineUsageError(run("bench", "--suite", "pipelines"), "unknown suite 'pipelines'");
    }

    @Test
    void shouldRefuseAMissingOptionValueInOneLine()
    {
        assertOneLineUsageError(run("bench", "--suite"), "--suite");
    }

    @Test
    void shouldRefuseAMalformedNumberInOneLine()
    {
        assertOneLineUsageError(run("--size", "big"), "'big' is not an int");
    }

    @Test
    void shouldRefuseAMessageSizeOutOfRangeInOneLine()
    {
        assertOneLineUsageError(run("bench", "--size", "4"), "--size 4 is out of range");
    }

    @Test
    void shouldRefuseATooShortDurationInOneLine()
    {
        assertOneLineUsageError(run("bench", "--duration", "0"), "--duration 0.0 is too short");
    }
}
