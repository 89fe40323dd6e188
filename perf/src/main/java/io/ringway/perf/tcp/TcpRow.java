package io.ringway.perf.tcp;

/**
 * The rows of the tcp suite's table: one per benchmark shape and message length.
 */
public enum TcpRow
{
    PUSH_PULL_64("push/pull 64 B", "PushPull", TcpSettings.SMALL, true),
    PUSH_PULL_1K("push/pull 1 KiB", "PushPull", TcpSettings.LARGE, true),
    REQUEST_REPLY_64("req/rep 64 B", "RequestReply", TcpSettings.SMALL, false),
    REQUEST_REPLY_1K("req/rep 1 KiB", "RequestReply", TcpSettings.LARGE, false);

    private final String displayName;
    private final String shape;
    private final String length;
    private final boolean throughput;

    TcpRow(final String displayName, final String shape, final String length, final boolean throughput)
    {
        this.displayName = displayName;
        this.shape = shape;
        this.length = length;
        this.throughput = throughput;
    }

    /** @return the name printed in the table. */
    public String displayName()
    {
        return displayName;
    }

    /** @return the benchmark class name suffix that every peer's class for this row ends with. */
    String shape()
    {
        return shape;
    }

    /** @return the value of the {@value TcpSettings#LENGTH_PARAM} parameter for this row. */
    String length()
    {
        return length;
    }

    /** @return true for a throughput row (Mops/s), false for a round-trip row (percentiles). */
    public boolean throughput()
    {
        return throughput;
    }

    /**
     * @param simpleClassName a benchmark class's simple name, e.g. {@code RingwayTcpPushPull}.
     * @param length          the value of its {@value TcpSettings#LENGTH_PARAM} parameter.
     * @return the row it fills, or null if none.
     */
    static TcpRow of(final String simpleClassName, final String length)
    {
        final TcpPeer peer = TcpPeer.ofClass(simpleClassName);
        if (null == peer)
        {
            return null;
        }
        final String shape = simpleClassName.substring(peer.classPrefix().length());
        for (final TcpRow row : values())
        {
            if (row.shape.equals(shape) && row.length.equals(length))
            {
                return row;
            }
        }
        return null;
    }
}
