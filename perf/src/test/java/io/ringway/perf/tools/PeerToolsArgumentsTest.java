package io.ringway.perf.tools;

import io.ringway.perf.RingwayPerf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad arguments, in this JVM: each is one line on stderr, exit status 2, nothing on stdout and no stack trace.
 */
class PeerToolsArgumentsTest
{
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args)
    {
        return RingwayPerf.commandLine(new PrintStream(out, true), new PrintStream(err, true)).execute(args);
    }

    private void assertOneLineUsageError(final String command, final String expected, final String... args)
    {
        assertEquals(ToolExit.USAGE, run(args), err::toString);
        final String message = err.toString().strip();
        assertFalse(message.contains("\n"), () -> "more than one line: " + message);
        // picocli's refusals name the command in their pointer to --help; the tools' own checks lead with it
        assertTrue(message.startsWith(command + ": ") || message.contains("'ringway-perf " + command + " --help'"),
            message);
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
        assertFalse(message.contains("Exception"), message);
        assertEquals("", out.toString());
    }

    @Test
    void shouldRefuseAnUnknownFlag()
    {
        assertOneLineUsageError("push", "Unknown option: '--frob'", "push", "--connect", "tcp://127.0.0.1:5", "--frob");
    }

    @Test
    void shouldRefuseAMalformedEndpoint()
    {
        assertOneLineUsageError("pull", "has no port", "pull", "--bind", "tcp://127.0.0.1");
    }

    @Test
    void shouldRefuseAnInProcessEndpoint()
    {
        assertOneLineUsageError("sub", "in-process", "sub", "--connect", "inproc://prices");
    }

    @Test
    void shouldRefuseAToolWithoutEndpoints()
    {
        assertOneLineUsageError("push", "give at least one --bind or --connect", "push", "--count", "3");
    }

    @Test
    void shouldRefuseAPubWithoutATopic()
    {
        assertOneLineUsageError("pub", "--topic", "pub", "--bind", "tcp://127.0.0.1:*");
    }

    @Test
    void shouldRefuseAnEmptyMessageSize()
    {
        assertOneLineUsageError("push", "--size 0 must be 1 to", "push", "--bind", "tcp://127.0.0.1:*", "--size", "0");
    }

    @Test
    void shouldRefuseABindOnEveryInterface()
    {
        assertOneLineUsageError("pull", "listens on every interface", "pull", "--bind", "tcp://*:5557",
            "--dir", directory.toString());
    }

    @Test
    void shouldRefuseAPortInUse() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final String endpoint = "tcp://127.0.0.1:" + taken.getLocalPort();
            assertOneLineUsageError("pull", "Address already in use", "pull", "--bind", endpoint,
                "--dir", directory.toString());
        }
    }

    @Test
    void shouldRefuseARequestWithoutADeadline()
    {
        assertOneLineUsageError("req", "--timeout-ms 0 must be at least 1", "req", "--connect", "tcp://127.0.0.1:5",
            "--timeout-ms", "0");
    }

    @Test
    void shouldRefuseARepWithoutRoomForARequest()
    {
        assertOneLineUsageError("rep", "--max-size 0 must be 1 to", "rep", "--bind", "tcp://127.0.0.1:*",
            "--max-size", "0");
    }
}
