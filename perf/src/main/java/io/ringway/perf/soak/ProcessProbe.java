package io.ringway.perf.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a long run could leak, read from this JVM: heap used after a full GC, live threads, open file descriptors.
 * <p>
 * Thread safety: any thread; {@link #take()} triggers GCs, so it is for the start and end of a run, not its middle.
 *
 * @param heapUsedBytes   heap in use after {@link System#gc()}.
 * @param threads         live threads, daemon ones included.
 * @param fileDescriptors entries in {@code /proc/self/fd}; -1 where there is no such directory.
 */
public record ProcessProbe(long heapUsedBytes, int threads, long fileDescriptors)
{
    /** GCs per probe: one may leave garbage a finaliser or reference queue frees only for the next. */
    private static final int GC_ROUNDS = 3;

    /** @return a probe of this JVM now, after {@value #GC_ROUNDS} requested GCs. */
    public static ProcessProbe take()
    {
        for (int i = 0; i < GC_ROUNDS; i++)
        {
            System.gc();
        }
        return new ProcessProbe(
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
            ManagementFactory.getThreadMXBean().getThreadCount(),
            openFileDescriptors());
    }

    private static long openFileDescriptors()
    {
        final Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds))
        {
            return -1;
        }
        try (Stream<Path> entries = Files.list(fds))
        {
            return entries.count();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
