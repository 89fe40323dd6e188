package io.ringway.runtime.status;

import io.ringway.runtime.Await;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.ActorRef;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class CountersFileTest
{
    @TempDir
    Path runtimeDirectory;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);

    @Test
    void shouldLetAnotherProcessReadLiveCounters() throws Exception
    {
        try (Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .dispatcher("io")
            .actor("pong", context -> (b, o, l, h) -> { }, actor -> actor.ringSize(4).maxMessageLength(8))
            .build()
            .start())
        {
            final ActorRef pong = ringway.actor("pong");
            for (int i = 0; i < 3; i++)
            {
                assertTrue(pong.offer(buffer, 0, 8) >= 0);
            }
            assertTrue(pong.offer(buffer, 0, 9) < 0, "too large: dropped");
            Await.until(() -> ringway.actorCounters("pong").get(CounterType.RECEIVED) == 3, () -> "not received");

            final List<String> lines = dumpInChildJvm(runtimeDirectory);

            assertTrue(lines.contains("pid=" + ProcessHandle.current().pid()), lines.toString());
            assertTrue(lines.contains("status=" + CountersFileDescriptor.STATUS_RUNNING), lines.toString());
            assertTrue(lines.contains("actor pong: received=3"), lines.toString());
            assertTrue(lines.contains("actor pong: dropped=1"), lines.toString());
            assertTrue(lines.contains("dispatcher io: received=3"), lines.toString());
            assertTrue(lines.contains("actor pong: dead-lettered=0"), lines.toString());
        }

        final List<String> afterClose = dumpInChildJvm(runtimeDirectory);
        assertTrue(afterClose.contains("status=" + CountersFileDescriptor.STATUS_CLOSED), afterClose.toString());
        assertTrue(afterClose.contains("actor pong: received=3"), "final figures stay readable");
    }

    @Test
    void shouldRejectAFileThatIsNotACountersFile() throws IOException
    {
        final Path bogus = runtimeDirectory.resolve("bogus.dat");
        Files.write(bogus, new byte[4096]);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> CountersFileReader.open(bogus));
        assertTrue(ex.getMessage().contains("is not a Ringway counters file"), ex.getMessage());
        assertThrows(IllegalStateException.class, () -> CountersFileReader.open(runtimeDirectory.resolve("none")));
    }

    private static List<String> dumpInChildJvm(final Path directory) throws Exception
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final Process child = new ProcessBuilder(java,
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"),
            CountersDump.class.getName(), directory.toString())
            .redirectErrorStream(true)
            .start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "reader process finished");
        final String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        return output.lines().toList();
    }
}
