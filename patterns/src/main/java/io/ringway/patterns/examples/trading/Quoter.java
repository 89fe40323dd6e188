package io.ringway.patterns.examples.trading;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.gather.GatherResult;
import io.ringway.patterns.gather.Gatherer;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import static io.ringway.patterns.examples.trading.QuoteDescriptor.*;

/**
 * The quoter: scatters each quote request to every venue and hands each gather's result, complete or cut short by
 * the deadline, to the quote listener.
 */
final class Quoter implements Actor
{
    private final ActorContext context;
    private final Gatherer quotes;
    private final TradingStats stats;
    private final QuoteListener listener;
    private final Long2LongHashMap requestedNsByGather;
    private final UnsafeBuffer request = new UnsafeBuffer(new byte[REQUEST_LENGTH]);

    Quoter(final ActorContext context, final TradingStats stats, final TradingOptions options)
    {
        this.context = context;
        this.quotes = context.attachment(TradingTopology.QUOTES, Gatherer.class);
        this.stats = stats;
        this.listener = options.quoteListener();
        // Sized so that the gathers open at once never make it grow: no allocation per request.
        this.requestedNsByGather = new Long2LongHashMap(4 * quotes.maxInFlight(), 0.5f, -1);
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (header.messageType() == PatternMessages.GATHER_RESULT)
        {
            onResult(header.correlationId());
        }
        else if (header.messageType() == QUOTE_REQUEST_TYPE)
        {
            request.putInt(SYMBOL_OFFSET, buffer.getInt(offset + SYMBOL_OFFSET));
            final long gatherId = quotes.scatter(QUOTE_REQUEST_TYPE, request, 0, REQUEST_LENGTH);
            if (gatherId > 0)
            {
                requestedNsByGather.put(gatherId, context.nowNs());
                stats.increment(Count.QUOTES_REQUESTED, 0);
            }
            else
            {
                stats.increment(Count.QUOTES_REFUSED, 0);
            }
        }
        else
        {
            throw new IllegalArgumentException("quoter got message type " + header.messageType());
        }
    }

    private void onResult(final long gatherId)
    {
        final GatherResult result = quotes.result();
        stats.increment(Count.QUOTES_COMPLETED, 0);
        if (result.deadlinePassed())
        {
            stats.increment(Count.QUOTES_EXPIRED, 0);
        }
        for (int venue = 0; venue < result.memberCount(); venue++)
        {
            if (!result.answered(venue))
            {
                stats.increment(Count.VENUE_MISSING, venue);
            }
        }
        listener.onQuote(requestedNsByGather.remove(gatherId), context.nowNs(), result);
    }
}
