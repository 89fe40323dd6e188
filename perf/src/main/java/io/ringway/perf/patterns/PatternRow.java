package io.ringway.perf.patterns;

/**
 * The rows of the pattern suite's table: one per benchmark shape and, for fan-out, per number of subscribers.
 */
public enum PatternRow
{
    FAN_OUT_1("fan-out 1", "FanOut", "1", true),
    FAN_OUT_2("fan-out 2", "FanOut", "2", true),
    FAN_OUT_4("fan-out 4", "FanOut", "4", true),
    ROUND_ROBIN_2("round-robin 2", "RoundRobin", null, true),
    REQUEST_REPLY("request-reply", "RequestReply", null, false),
    GATHER_3("gather 3", "Gather", null, false);

    /** The JMH parameter that sets a fan-out's subscribers. */
    static final String SUBSCRIBERS_PARAM = "subscribers";

    private final String displayName;
    private final String shape;
    private final String subscribers;
    private final boolean throughput;

    PatternRow(final String displayName, final String shape, final String subscribers, final boolean throughput)
    {
        this.displayName = displayName;
        this.shape = shape;
        this.subscribers = subscribers;
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

    /** @return the value of the {@value #SUBSCRIBERS_PARAM} parameter for this row, or null if it has none. */
    String subscribers()
    {
        return subscribers;
    }

    /** @return true for a throughput row (Mops/s), false for a round-trip row (percentiles). */
    public boolean throughput()
    {
        return throughput;
    }

    /**
     * @param shape       a benchmark class's simple name without its peer prefix, e.g. {@code FanOut}.
     * @param subscribers the value of its {@value #SUBSCRIBERS_PARAM} parameter, or null if it has none.
     * @return the row it fills, or null if none.
     */
    static PatternRow of(final String shape, final String subscribers)
    {
        for (final PatternRow row : values())
        {
            if (row.shape.equals(shape) && (null == row.subscribers || row.subscribers.equals(subscribers)))
            {
                return row;
            }
        }
        return null;
    }
}
