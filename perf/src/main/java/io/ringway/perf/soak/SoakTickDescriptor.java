package io.ringway.perf.soak;

/**
 * The tick a soak source sends over tcp to the trading side, little-endian:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                          symbol id                            |  0
 *  |                          (padding)                            |  4
 *  |                    sequence (from 0, one per tick)            |  8
 *  |                          price (1e-5)                         | 16
 *  |                          quantity                             | 24
 *  |                 injected at (System.nanoTime())               | 32
 *  +---------------------------------------------------------------+
 * </pre>
 * The sequence numbers every tick of the run, so the receiving side counts what the wire lost, repeated or
 * reordered.
 */
final class SoakTickDescriptor
{
    static final int SYMBOL_OFFSET = 0;
    static final int SEQUENCE_OFFSET = 8;
    static final int PRICE_OFFSET = 16;
    static final int QUANTITY_OFFSET = 24;
    static final int INJECTED_NS_OFFSET = 32;
    static final int LENGTH = 40;

    private SoakTickDescriptor()
    {
    }
}
