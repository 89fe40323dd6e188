package io.ringway.patterns.examples.trading;

/**
 * The layout of a market data tick, in native byte order (Agrona's default), as the caller gives it to the
 * feed and as the feed publishes it (after the topic, which is the symbol's name):
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                          symbol id                            |  0  int
 *  +---------------------------------------------------------------+
 *  |                          reserved                             |  4  int
 *  +---------------------------------------------------------------+
 *  |                    price (in 1e-5 units)                      |  8  long
 *  +---------------------------------------------------------------+
 *  |                          quantity                             | 16  long
 *  +---------------------------------------------------------------+
 *  |            injected at, ns (the caller's intended send time)  | 24  long
 *  +---------------------------------------------------------------+
 *  |                   published by the feed at, ns                | 32  long
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class MarketDataDescriptor
{
    /** Message type of a tick sent to the feed. */
    public static final int TICK_TYPE = 1;

    /** {@link Symbol#id()}. */
    public static final int SYMBOL_OFFSET = 0;
    /** Price in 1e-5 units. */
    public static final int PRICE_OFFSET = 8;
    /** Quantity. */
    public static final int QUANTITY_OFFSET = 16;
    /** When the caller injected the tick, on {@code System.nanoTime()}: the start of the end-to-end latency. */
    public static final int INJECTED_NS_OFFSET = 24;
    /** When the feed published it. */
    public static final int FEED_NS_OFFSET = 32;
    /** Length of a tick. */
    public static final int LENGTH = 40;

    private MarketDataDescriptor()
    {
    }
}
