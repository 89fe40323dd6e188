package io.ringway.patterns.examples.trading;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static io.ringway.patterns.examples.trading.QuoteDescriptor.*;

/**
 * A venue: quotes every request. A fast venue answers at once with {@code context.reply}; a slow one holds each
 * request for its delay, on a timer, without holding its dispatcher, then sends the quote to the quoter's
 * gather address under the request's correlation id, by then usually too late.
 */
final class Venue implements Actor
{
    private final int index;
    private final ActorContext context;
    private final TradingStats stats;
    private final long delayNs;
    private final UnsafeBuffer quote = new UnsafeBuffer(new byte[QUOTE_LENGTH]);
    private final long[] dueNs;
    private final long[] gatherIds;
    private final int[] symbolIds;
    private final int[] senderIds;
    private long head;
    private long tail;
    private boolean timerPending;

    Venue(final int index, final ActorContext context, final TradingStats stats, final TradingOptions options)
    {
        this.index = index;
        this.context = context;
        this.stats = stats;
        this.delayNs = index == TradingTopology.SLOW_VENUE ? options.slowVenueDelay().toNanos() : 0;
        final int capacity = delayNs > 0 ? options.maxQuotesInFlight() : 0;
        this.dueNs = new long[capacity];
        this.gatherIds = new long[capacity];
        this.symbolIds = new int[capacity];
        this.senderIds = new int[capacity];
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final int symbolId = buffer.getInt(offset + SYMBOL_OFFSET);
        if (0 == delayNs)
        {
            count(context.reply(quote, 0, encode(symbolId)));
        }
        else if (tail - head == dueNs.length)
        {
            stats.increment(Count.VENUE_DROPPED, index);
        }
        else
        {
            final int slot = (int)(tail++ % dueNs.length);
            dueNs[slot] = context.nowNs() + delayNs;
            // A late answer cannot use context.reply, which answers only the message being handled: keep who asked.
            gatherIds[slot] = header.correlationId();
            senderIds[slot] = header.senderId();
            symbolIds[slot] = symbolId;
            scheduleNext();
        }
    }

    @Override
    public void onTimer(final long timerId)
    {
        timerPending = false;
        final long nowNs = context.nowNs();
        while (head != tail && dueNs[(int)(head % dueNs.length)] - nowNs <= 0)
        {
            final int slot = (int)(head++ % dueNs.length);
            final ActorRef asker = context.sender(senderIds[slot]);
            count(context.send(asker, QUOTE_REQUEST_TYPE, gatherIds[slot], quote, 0, encode(symbolIds[slot])));
        }
        scheduleNext();
    }

    private void scheduleNext()
    {
        if (!timerPending && head != tail)
        {
            timerPending = true;
            context.scheduleTimer(dueNs[(int)(head % dueNs.length)]);
        }
    }

    private int encode(final int symbolId)
    {
        final long mid = 100_000L + symbolId;
        quote.putInt(SYMBOL_OFFSET, symbolId);
        quote.putInt(VENUE_OFFSET, index);
        quote.putLong(BID_OFFSET, mid - 1 - index);
        quote.putLong(ASK_OFFSET, mid + 1 + index);
        return QUOTE_LENGTH;
    }

    private void count(final long result)
    {
        stats.increment(result >= 0 ? Count.VENUE_QUOTES : Count.VENUE_DROPPED, index);
    }
}
