package io.ringway.patterns.examples.trading;

import org.agrona.DirectBuffer;

import static io.ringway.patterns.examples.trading.OrderDescriptor.*;

/**
 * One accepted order's path through the topology, read in place from the gateway's reply: what it was, and
 * when each hop had it, on {@code System.nanoTime()}. The hops in order: injected (the caller's intended send
 * time), published by the feed, sent by the strategy, received by a risk worker, received by the gateway,
 * reply received by the risk worker ({@link #completedNs()}). Differences between consecutive stamps are the
 * per-hop latencies; {@code completedNs() - injectedNs()} is the end-to-end one.
 * <p>
 * A flyweight, valid only during {@link OrderListener#onOrderAccepted}; copy what you keep. Not thread safe.
 */
public final class OrderTrace
{
    private DirectBuffer buffer;
    private int offset;
    private int riskWorker;
    private long completedNs;

    OrderTrace wrap(final DirectBuffer buffer, final int offset, final int riskWorker, final long completedNs)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.riskWorker = riskWorker;
        this.completedNs = completedNs;
        return this;
    }

    /** @return the order's symbol id, {@link Symbol#id()}. */
    public int symbolId()
    {
        return buffer.getInt(offset + SYMBOL_OFFSET);
    }

    /** @return the order's number in its symbol's sequence, from 0. */
    public long sequence()
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET);
    }

    /** @return the index of the strategy that sent it. */
    public int strategy()
    {
        return buffer.getInt(offset + STRATEGY_OFFSET);
    }

    /** @return the index of the risk worker that checked it. */
    public int riskWorker()
    {
        return riskWorker;
    }

    /** @return when the caller injected the tick that led to it. */
    public long injectedNs()
    {
        return buffer.getLong(offset + INJECTED_NS_OFFSET);
    }

    /** @return when the feed published the tick. */
    public long feedNs()
    {
        return buffer.getLong(offset + FEED_NS_OFFSET);
    }

    /** @return when the strategy sent the order. */
    public long strategyNs()
    {
        return buffer.getLong(offset + STRATEGY_NS_OFFSET);
    }

    /** @return when the risk worker received it. */
    public long riskNs()
    {
        return buffer.getLong(offset + RISK_NS_OFFSET);
    }

    /** @return when the gateway received it. */
    public long gatewayNs()
    {
        return buffer.getLong(offset + GATEWAY_NS_OFFSET);
    }

    /** @return when the risk worker received the gateway's reply. */
    public long completedNs()
    {
        return completedNs;
    }
}
