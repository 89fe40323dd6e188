package io.ringway.runtime.status;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.ringway.runtime.status.CountersFileDescriptor.*;

/**
 * Reads the counters file of a runtime, possibly one running in another process, in the manner of AeronStat.
 * <p>
 * Thread safety: reads are safe from any thread; the values are read with acquire semantics by Agrona.
 */
public final class CountersFileReader implements AutoCloseable
{
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final CountersReader countersReader;

    private CountersFileReader(final MappedByteBuffer mapped, final String location)
    {
        this.mapped = mapped;
        this.header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        checkHeader(header, location);
        final int metadataLength = header.getInt(METADATA_LENGTH_OFFSET);
        final int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
        this.countersReader = new CountersReader(
            new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength),
            new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength),
            StandardCharsets.US_ASCII);
    }

    /**
     * @param file a counters file, or a runtime directory that holds one.
     * @return a reader over it.
     * @throws IllegalStateException if there is no such file or it is not a Ringway counters file.
     */
    public static CountersFileReader open(final Path file)
    {
        final Path path = Files.isDirectory(file) ? file.resolve(FILE_NAME) : file;
        if (!Files.isRegularFile(path))
        {
            throw new IllegalStateException("no counters file at " + path + ": is a runtime using that directory?");
        }
        if (path.toFile().length() < HEADER_LENGTH)
        {
            throw new IllegalStateException(path + " is too short to be a Ringway counters file");
        }
        return new CountersFileReader(IoUtil.mapExistingFile(path.toFile(), "ringway counters"), path.toString());
    }

    /** @return the pid of the process that wrote the file. */
    public long pid()
    {
        return header.getLong(PID_OFFSET);
    }

    /** @return {@link CountersFileDescriptor#STATUS_RUNNING} or {@link CountersFileDescriptor#STATUS_CLOSED}. */
    public int status()
    {
        return header.getIntVolatile(STATUS_OFFSET);
    }

    /** @return when the writer started, in epoch milliseconds. */
    public long startTimeMs()
    {
        return header.getLong(START_TIME_OFFSET);
    }

    /** @return Agrona's reader over the counters, for iteration by id, type and label. */
    public CountersReader countersReader()
    {
        return countersReader;
    }

    /**
     * @return every counter's label and current value, in id order. Allocates: for tools, not hot paths.
     */
    public Map<String, Long> snapshot()
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        countersReader.forEach((counterId, label) -> values.put(label, countersReader.getCounterValue(counterId)));
        return values;
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
