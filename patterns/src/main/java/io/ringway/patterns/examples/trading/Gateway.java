package io.ringway.patterns.examples.trading;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static io.ringway.patterns.examples.trading.OrderDescriptor.*;

/**
 * The order gateway: accepts every order with {@code context.reply}, stamped with the time it arrived, which
 * request-reply routes back to the risk worker that asked. While paused it answers nothing, so its requesters
 * see timeouts.
 */
final class Gateway implements Actor
{
    private final ActorContext context;
    private final TradingStats stats;
    private final UnsafeBuffer reply = new UnsafeBuffer(new byte[REPLY_LENGTH]);
    private boolean answering = true;

    Gateway(final ActorContext context, final TradingStats stats)
    {
        this.context = context;
        this.stats = stats;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        switch (header.messageType())
        {
            case GATEWAY_PAUSE_TYPE:
                answering = false;
                break;
            case GATEWAY_RESUME_TYPE:
                answering = true;
                break;
            case GATEWAY_ORDER_TYPE:
                onOrder(buffer, offset);
                break;
            default:
                throw new IllegalArgumentException("gateway got message type " + header.messageType());
        }
    }

    private void onOrder(final DirectBuffer buffer, final int offset)
    {
        stats.increment(Count.GATEWAY_RECEIVED, 0);
        if (!answering)
        {
            stats.increment(Count.GATEWAY_IGNORED, 0);
            return;
        }
        reply.putBytes(0, buffer, offset, REQUEST_LENGTH);
        reply.putLong(GATEWAY_NS_OFFSET, System.nanoTime());
        reply.putInt(STATUS_OFFSET, ACCEPTED);
        if (context.reply(reply, 0, REPLY_LENGTH) < 0)
        {
            stats.increment(Count.GATEWAY_REPLY_FAILED, 0);
        }
    }
}
