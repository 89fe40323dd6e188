package io.ringway.patterns.examples.trading;

/**
 * The layouts of a quote request, from the caller to the quoter and from the quoter to every venue, and of a
 * venue's quote, in native byte order (Agrona's default).
 * <pre>
 *  request                                    quote
 *  +-------------------------------------+    +-------------------------------------+
 *  |  0  int   symbol id                 |    |  0  int   symbol id                 |
 *  |  4  int   reserved                  |    |  4  int   venue index               |
 *  +------------------- REQUEST_LENGTH --+    |  8  long  bid (in 1e-5 units)       |
 *                                             | 16  long  ask (in 1e-5 units)       |
 *                                             +--------------------- QUOTE_LENGTH --+
 * </pre>
 */
public final class QuoteDescriptor
{
    /** Message type of a quote request, to the quoter and on to the venues; quotes carry it too. */
    public static final int QUOTE_REQUEST_TYPE = 6;

    /** {@link Symbol#id()}, in the request and in the quote. */
    public static final int SYMBOL_OFFSET = 0;
    /** The answering venue, in a quote. */
    public static final int VENUE_OFFSET = 4;
    /** Bid, in a quote. */
    public static final int BID_OFFSET = 8;
    /** Ask, in a quote. */
    public static final int ASK_OFFSET = 16;
    /** Length of a request. */
    public static final int REQUEST_LENGTH = 8;
    /** Length of a quote. */
    public static final int QUOTE_LENGTH = 24;

    private QuoteDescriptor()
    {
    }
}
