package io.ringway.runtime.status;

import org.agrona.BitUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.status.CountersReader;

/**
 * Layout of the counters file that a running runtime writes and other processes read (the {@code stat} tool).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     Magic ('RWAY' = 0x52574159)               |  0
 *  +---------------------------------------------------------------+
 *  |                     Layout version                            |  4
 *  +---------------------------------------------------------------+
 *  |                     PID of the writer                         |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                     Start time, epoch ms                      | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                     Metadata length                           | 24
 *  +---------------------------------------------------------------+
 *  |                     Values length                             | 28
 *  +---------------------------------------------------------------+
 *  |                     Status (0 running, 1 closed), volatile    | 32
 *  +---------------------------------------------------------------+
 *  |                     ... padding to 128 bytes ...              |
 *  +---------------------------------------------------------------+
 *  |                     Counter metadata (Agrona layout)          | 128
 *  +---------------------------------------------------------------+
 *  |                     Counter values (Agrona layout)            |
 *  +---------------------------------------------------------------+
 * </pre>
 * The two counter regions are Agrona's {@code CountersManager} layout, so Agrona's {@link CountersReader} reads
 * them.
 */
public final class CountersFileDescriptor
{
    /** The file's name in the runtime directory. */
    public static final String FILE_NAME = "counters.dat";
    /** 'RWAY' in ASCII. */
    public static final int MAGIC = 0x52574159;
    /** Bumped when the layout changes. */
    public static final int VERSION = 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int PID_OFFSET = 8;
    static final int START_TIME_OFFSET = 16;
    static final int METADATA_LENGTH_OFFSET = 24;
    static final int VALUES_LENGTH_OFFSET = 28;
    static final int STATUS_OFFSET = 32;
    static final int HEADER_LENGTH = BitUtil.CACHE_LINE_LENGTH * 2;

    /** Status of a file whose runtime is running. */
    public static final int STATUS_RUNNING = 0;
    /** Status of a file whose runtime has closed; its counters are final. */
    public static final int STATUS_CLOSED = 1;

    private CountersFileDescriptor()
    {
    }

    /**
     * @param counterCapacity how many counters the file must hold.
     * @return the length of the values region.
     */
    static int valuesLength(final int counterCapacity)
    {
        return counterCapacity * CountersReader.COUNTER_LENGTH;
    }

    /**
     * @param counterCapacity how many counters the file must hold.
     * @return the length of the metadata region.
     */
    static int metadataLength(final int counterCapacity)
    {
        return counterCapacity * CountersReader.METADATA_LENGTH;
    }

    static void checkHeader(final AtomicBuffer header, final String location)
    {
        final int magic = header.getInt(MAGIC_OFFSET);
        if (magic != MAGIC)
        {
            throw new IllegalStateException(location + " is not a Ringway counters file (magic 0x"
                + Integer.toHexString(magic) + ")");
        }
        final int version = header.getInt(VERSION_OFFSET);
        if (version != VERSION)
        {
            throw new IllegalStateException(location + " has layout version " + version + ", expected " + VERSION);
        }
    }
}
