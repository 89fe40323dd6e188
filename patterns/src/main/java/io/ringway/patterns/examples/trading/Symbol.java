package io.ringway.patterns.examples.trading;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The instruments of the example. A symbol's name, in ASCII, is the topic its market data is published under, so
 * the strategies' prefixes ("EUR"; "USD", "JPY") pick their symbols by byte prefix, as a ZeroMQ SUB does; its
 * ordinal is the {@code symbolId} in every message and the key that pins its orders to one risk worker.
 */
public enum Symbol
{
    /** Traded by the EUR strategy. */
    EURUSD,
    /** Traded by the EUR strategy. */
    EURJPY,
    /** Traded by the USD/JPY strategy. */
    USDJPY,
    /** Traded by the USD/JPY strategy. */
    USDCHF,
    /** Traded by the USD/JPY strategy. */
    JPYKRW,
    /** Published, but no strategy subscribes to a prefix of it: it reaches nobody. */
    GBPUSD;

    /** Every symbol, by symbol id. */
    private static final Symbol[] BY_ID = values();

    /** Each name is six ASCII bytes. */
    public static final int TOPIC_LENGTH = 6;

    private final UnsafeBuffer topic = new UnsafeBuffer(name().getBytes(StandardCharsets.US_ASCII));

    /** @return the id carried in messages: the ordinal. */
    public int id()
    {
        return ordinal();
    }

    /** @return the topic bytes, {@link #TOPIC_LENGTH} of them; read only. */
    public UnsafeBuffer topic()
    {
        return topic;
    }

    /**
     * @param symbolId as carried in a message.
     * @return the symbol.
     * @throws ArrayIndexOutOfBoundsException for an id that is no symbol's.
     */
    public static Symbol of(final int symbolId)
    {
        return BY_ID[symbolId];
    }

    /** @return how many symbols there are. */
    public static int count()
    {
        return BY_ID.length;
    }
}
