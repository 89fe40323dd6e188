package io.ringway.patterns.examples.trading;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.reqrep.Requester;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import static io.ringway.patterns.examples.trading.OrderDescriptor.*;

/**
 * A risk worker: checks that each symbol's orders arrive in sequence (key-affinity keeps them on this worker, in
 * order), refuses orders over the quantity limit, and sends the rest to the gateway by request-reply, which ends
 * in exactly one reply or one timeout per order.
 * <p>
 * Back-pressure from the gateway takes two forms. When the gateway's mailbox is full, the worker waits in its
 * handler, which is safe because the gateway never waits on it, and which back-pressures the strategies in turn.
 * When {@code maxInFlight} requests are waiting for replies, waiting would never end: replies reach the worker only
 * between handler calls. Then it holds orders, in arrival order, in a pre-allocated queue, and sends them as
 * replies and timeouts free room, or on a retry timer; an order that finds the queue full is counted as dropped.
 */
final class RiskWorker implements Actor, Retry.Attempt
{
    /** How soon to try the held orders again when nothing else comes back. */
    private static final long HOLD_RETRY_NS = 200_000;

    private final int index;
    private final ActorContext context;
    private final Requester gateway;
    private final TradingStats stats;
    private final OrderListener listener;
    private final long maxOrderQuantity;
    private final IdleStrategy idle;
    private final long sendTimeoutNs;
    private final long[] expectedSequence = new long[Symbol.count()];
    private final UnsafeBuffer request = new UnsafeBuffer(new byte[REQUEST_LENGTH]);
    private final UnsafeBuffer held;
    private final int heldCapacity;
    private final OrderTrace trace = new OrderTrace();
    private long heldHead;
    private long heldTail;
    private boolean retryTimerPending;
    private DirectBuffer sending;
    private int sendingOffset;

    RiskWorker(final int index, final ActorContext context, final TradingStats stats, final TradingOptions options)
    {
        this.index = index;
        this.context = context;
        this.gateway = context.attachment(TradingTopology.EXECUTION, Requester.class);
        this.stats = stats;
        this.listener = options.orderListener();
        this.maxOrderQuantity = options.maxOrderQuantity();
        this.idle = options.idle().newStrategy();
        this.sendTimeoutNs = options.sendTimeout().toNanos();
        this.heldCapacity = options.heldOrders();
        this.held = new UnsafeBuffer(new byte[heldCapacity * REQUEST_LENGTH]);
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        switch (header.messageType())
        {
            case ORDER_TYPE:
                onOrder(buffer, offset);
                break;
            case GATEWAY_ORDER_TYPE:
                onGatewayReply(buffer, offset);
                sendHeld();
                break;
            case PatternMessages.TIMEOUT:
                stats.increment(Count.ORDER_TIMEOUTS, index);
                sendHeld();
                break;
            default:
                throw new IllegalArgumentException("risk worker got message type " + header.messageType());
        }
    }

    @Override
    public void onTimer(final long timerId)
    {
        retryTimerPending = false;
        sendHeld();
    }

    private void onOrder(final DirectBuffer buffer, final int offset)
    {
        final int symbolId = buffer.getInt(offset + SYMBOL_OFFSET);
        final long sequence = buffer.getLong(offset + SEQUENCE_OFFSET);
        stats.incrementOrders(index, symbolId);
        stats.increment(Count.ORDERS_RECEIVED, index);
        if (sequence != expectedSequence[symbolId])
        {
            stats.increment(Count.ORDERS_OUT_OF_ORDER, index);
        }
        expectedSequence[symbolId] = sequence + 1;
        if (buffer.getLong(offset + QUANTITY_OFFSET) > maxOrderQuantity)
        {
            stats.increment(Count.ORDERS_RISK_REJECTED, index);
            return;
        }
        request.putBytes(0, buffer, offset, ORDER_LENGTH);
        request.putLong(RISK_NS_OFFSET, System.nanoTime());
        // Behind held orders, an order waits its turn: the gateway sees each symbol's orders in sequence too.
        if (heldHead != heldTail || !sent(request, 0))
        {
            hold();
            sendHeld();
        }
    }

    private void onGatewayReply(final DirectBuffer buffer, final int offset)
    {
        if (buffer.getInt(offset + STATUS_OFFSET) != ACCEPTED)
        {
            throw new IllegalStateException("gateway answered status " + buffer.getInt(offset + STATUS_OFFSET));
        }
        stats.increment(Count.ORDERS_ACCEPTED, index);
        listener.onOrderAccepted(trace.wrap(buffer, offset, index, System.nanoTime()));
    }

    /** @return false if it must be held (try again later); true if sent, or refused for good and counted. */
    private boolean sent(final DirectBuffer buffer, final int offset)
    {
        sending = buffer;
        sendingOffset = offset;
        long result = attempt();
        if (result == SendResult.BACK_PRESSURED && gateway.inFlight() < gateway.maxInFlight())
        {
            result = Retry.untilSent(this, idle, sendTimeoutNs);
        }
        sending = null;
        if (result == SendResult.BACK_PRESSURED)
        {
            return false;
        }
        stats.increment(result > 0 ? Count.GATEWAY_REQUESTS : Count.ORDERS_DROPPED_AT_RISK, index);
        return true;
    }

    @Override
    public long attempt()
    {
        return gateway.request(GATEWAY_ORDER_TYPE, sending, sendingOffset, REQUEST_LENGTH);
    }

    private void hold()
    {
        if (heldTail - heldHead == heldCapacity)
        {
            stats.increment(Count.ORDERS_DROPPED_AT_RISK, index);
            return;
        }
        held.putBytes(heldOffset(heldTail++), request, 0, REQUEST_LENGTH);
        stats.increment(Count.ORDERS_HELD, index);
    }

    private void sendHeld()
    {
        while (heldHead != heldTail)
        {
            if (!sent(held, heldOffset(heldHead)))
            {
                if (!retryTimerPending)
                {
                    retryTimerPending = true;
                    context.scheduleTimer(context.nowNs() + HOLD_RETRY_NS);
                }
                return;
            }
            heldHead++;
        }
    }

    private int heldOffset(final long position)
    {
        return (int)(position % heldCapacity) * REQUEST_LENGTH;
    }
}
