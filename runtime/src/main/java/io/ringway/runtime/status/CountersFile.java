package io.ringway.runtime.status;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.ringway.runtime.status.CountersFileDescriptor.*;

/**
 * The writer's side of the counters file: a memory-mapped file in the runtime directory whose counters other
 * processes can read while the runtime runs. See {@link CountersFileDescriptor} for the layout.
 * <p>
 * The file stays after {@link #close()}, marked closed, so its final figures can still be read; the next
 * runtime to use the directory replaces it. A file whose writer is still alive is never replaced.
 * <p>
 * Thread safety: allocate counters on one thread at build time; the counters themselves are thread safe.
 */
public final class CountersFile implements AutoCloseable
{
    private final Path path;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final CountersManager countersManager;

    private CountersFile(final Path path, final MappedByteBuffer mapped, final int counterCapacity)
    {
        this.path = path;
        this.mapped = mapped;
        final int metadataLength = metadataLength(counterCapacity);
        final int valuesLength = valuesLength(counterCapacity);
        this.header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        final UnsafeBuffer metadata = new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength);
        final UnsafeBuffer values = new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength);
        this.countersManager = new CountersManager(metadata, values, StandardCharsets.US_ASCII);

        header.putInt(MAGIC_OFFSET, MAGIC);
        header.putInt(VERSION_OFFSET, VERSION);
        header.putLong(PID_OFFSET, ProcessHandle.current().pid());
        header.putLong(START_TIME_OFFSET, System.currentTimeMillis());
        header.putInt(METADATA_LENGTH_OFFSET, metadataLength);
        header.putInt(VALUES_LENGTH_OFFSET, valuesLength);
        header.putIntVolatile(STATUS_OFFSET, STATUS_RUNNING);
    }

    /**
     * Creates the counters file in a runtime directory, replacing a file left by a runtime that has gone.
     *
     * @param directory       the runtime directory; created if missing.
     * @param counterCapacity how many counters to make room for.
     * @return the open file.
     * @throws IllegalStateException if a live runtime is using the directory.
     */
    public static CountersFile create(final Path directory, final int counterCapacity)
    {
        final Path path = directory.resolve(FILE_NAME);
        try
        {
            Files.createDirectories(directory);
            if (Files.exists(path))
            {
                refuseIfInUse(path);
                Files.delete(path);
            }
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException("cannot prepare runtime directory " + directory + ": " + ex, ex);
        }
        final long length = HEADER_LENGTH + (long)metadataLength(counterCapacity) + valuesLength(counterCapacity);
        final MappedByteBuffer mapped = IoUtil.mapNewFile(path.toFile(), length, true);
        return new CountersFile(path, mapped, counterCapacity);
    }

    private static void refuseIfInUse(final Path path)
    {
        final long ownerPid;
        final int status;
        try (CountersFileReader previous = CountersFileReader.open(path))
        {
            ownerPid = previous.pid();
            status = previous.status();
        }
        catch (final RuntimeException ex)
        {
            return; // unreadable or foreign: nothing live can depend on it
        }
        final boolean ownerAlive = ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false);
        if (status == STATUS_RUNNING && ownerAlive)
        {
            throw new IllegalStateException("runtime directory " + path.getParent() + " is in use by a running "
                + "runtime in process " + ownerPid + "; give this runtime its own directory");
        }
    }

    /** @return the manager to allocate counters from. */
    public CountersManager countersManager()
    {
        return countersManager;
    }

    /** @return where the file is. */
    public Path path()
    {
        return path;
    }

    /**
     * Marks the file closed, so readers know its figures are final. The mapping is left to the garbage
     * collector rather than unmapped: a sender on another thread may still count a refused offer into it after
     * close, and a write to unmapped memory would crash the JVM.
     */
    @Override
    public void close()
    {
        header.putIntVolatile(STATUS_OFFSET, STATUS_CLOSED);
        mapped.force();
    }

    /**
     * @return the default runtime directory: under {@code /dev/shm} where it exists (no disk write-back stalls),
     * otherwise under {@code java.io.tmpdir}.
     */
    public static Path defaultDirectory()
    {
        final File shm = new File("/dev/shm");
        final String base = shm.isDirectory() && shm.canWrite() ? shm.getPath() : System.getProperty("java.io.tmpdir");
        return Path.of(base, "ringway-" + System.getProperty("user.name", "user"));
    }
}
