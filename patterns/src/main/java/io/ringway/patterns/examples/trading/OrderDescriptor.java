package io.ringway.patterns.examples.trading;

/**
 * The layout of an order, in native byte order (Agrona's default). It grows along its path: a strategy writes the first
 * {@link #ORDER_LENGTH} bytes, the risk worker adds its timestamp ({@link #REQUEST_LENGTH}), the gateway its
 * timestamp and status ({@link #REPLY_LENGTH}), so the reply carries every hop's time.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                          symbol id                            |  0  int   the round-robin's key
 *  +---------------------------------------------------------------+
 *  |                         strategy index                        |  4  int
 *  +---------------------------------------------------------------+
 *  |              sequence of this symbol's orders, from 0         |  8  long
 *  +---------------------------------------------------------------+
 *  |                    price (in 1e-5 units)                      | 16  long
 *  +---------------------------------------------------------------+
 *  |                          quantity                             | 24  long
 *  +---------------------------------------------------------------+
 *  |                   injected at, ns (from the tick)             | 32  long
 *  +---------------------------------------------------------------+
 *  |                   published by the feed at, ns                | 40  long
 *  +---------------------------------------------------------------+
 *  |                   sent by the strategy at, ns                 | 48  long
 *  +------------------------------------------------ ORDER_LENGTH -+
 *  |                  received by the risk worker at, ns           | 56  long
 *  +---------------------------------------------- REQUEST_LENGTH -+
 *  |                  received by the gateway at, ns               | 64  long
 *  +---------------------------------------------------------------+
 *  |                   status: ACCEPTED                            | 72  int
 *  +---------------------------------------------------------------+
 *  |                          reserved                             | 76  int
 *  +------------------------------------------------ REPLY_LENGTH -+
 * </pre>
 */
public final class OrderDescriptor
{
    /** Message type of an order from a strategy to a risk worker. */
    public static final int ORDER_TYPE = 2;
    /** Message type of an order from a risk worker to the gateway; its reply carries the same type. */
    public static final int GATEWAY_ORDER_TYPE = 3;
    /** Tells the gateway to stop answering (it counts what it ignores). */
    public static final int GATEWAY_PAUSE_TYPE = 4;
    /** Tells the gateway to answer again. */
    public static final int GATEWAY_RESUME_TYPE = 5;

    /** {@link Symbol#id()}: the key of key-affinity. */
    public static final int SYMBOL_OFFSET = 0;
    /** Which strategy sent it. */
    public static final int STRATEGY_OFFSET = 4;
    /** This symbol's orders are numbered from 0, so a risk worker can check their order. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Price in 1e-5 units. */
    public static final int PRICE_OFFSET = 16;
    /** Quantity. */
    public static final int QUANTITY_OFFSET = 24;
    /** Copied from the tick. */
    public static final int INJECTED_NS_OFFSET = 32;
    /** Copied from the tick. */
    public static final int FEED_NS_OFFSET = 40;
    /** When the strategy sent the order. */
    public static final int STRATEGY_NS_OFFSET = 48;
    /** When a risk worker received it. */
    public static final int RISK_NS_OFFSET = 56;
    /** When the gateway received it. */
    public static final int GATEWAY_NS_OFFSET = 64;
    /** The gateway's answer. */
    public static final int STATUS_OFFSET = 72;

    /** Length from a strategy to a risk worker. */
    public static final int ORDER_LENGTH = 56;
    /** Length from a risk worker to the gateway. */
    public static final int REQUEST_LENGTH = 64;
    /** Length of the gateway's reply. */
    public static final int REPLY_LENGTH = 80;

    /** The gateway accepted the order. */
    public static final int ACCEPTED = 1;

    private OrderDescriptor()
    {
    }
}
