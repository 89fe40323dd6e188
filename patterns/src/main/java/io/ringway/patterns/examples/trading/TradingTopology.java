package io.ringway.patterns.examples.trading;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.roundrobin.RoundRobinStrategy;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Supervision;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.CountersFileReader;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Map;

/**
 * A trading-style topology, running: market data fans out by symbol prefix to two strategies, which send orders
 * by key-affinity to risk workers, which call the order gateway by request-reply with a deadline; beside it, a
 * quoter gathers quotes from three venues with a deadline, one of them slow.
 * <pre>
 *                    fan-out "prices"          round-robin "orders"        request-reply "execution"
 *                    (topic = symbol)          (key = symbol id)           (timeout, counted)
 *  inject --&gt; feed --+-- "EUR" --------&gt; strategyEur ----+--&gt; risk0 --+
 *                    +-- "USD" "JPY" --&gt; strategyUsdJpy -+--&gt; risk1 --+--&gt; gateway
 *
 *                    gather "quotes" (all, or the deadline)
 *  requestQuote --&gt; quoter --+--&gt; venue0
 *                            +--&gt; venue1
 *                            +--&gt; venueSlow   (answers after the deadline: named as missing)
 * </pre>
 * Messages are fixed binary layouts ({@link MarketDataDescriptor}, {@link OrderDescriptor},
 * {@link QuoteDescriptor}); nothing on the tick-to-order-to-reply path or the quote path allocates. Each role has
 * a dispatcher of its own (threads {@code md}, {@code strategies}, {@code risk}, {@code gateway}, {@code quotes}).
 * Every loss is counted in {@link TradingStats}: a full hop back-pressures the one before it up to the caller,
 * whose {@link #injectMarketData} then returns {@link SendResult#BACK_PRESSURED}.
 * <p>
 * Thread safety: {@link #injectMarketData}, {@link #requestQuote}, {@link #pauseGateway} and
 * {@link #resumeGateway} from one thread at a time (they share an encoding buffer); the stats from any thread;
 * {@link #close()} from the thread that started it.
 */
public final class TradingTopology implements AutoCloseable
{
    /** The feed actor. */
    public static final String FEED = "feed";
    /** The strategies, by index: "EUR", and "USD" plus "JPY". */
    public static final String[] STRATEGIES = {"strategyEur", "strategyUsdJpy"};
    /** The gateway actor. */
    public static final String GATEWAY = "gateway";
    /** The quoter actor. */
    public static final String QUOTER = "quoter";
    /** The venues, by index; the last one is slow. */
    public static final String[] VENUES = {"venue0", "venue1", "venueSlow"};
    /** Index of the slow venue. */
    public static final int SLOW_VENUE = 2;
    /** The fan-out of ticks. */
    public static final String PRICES = "prices";
    /** The round-robin of orders. */
    public static final String ORDERS = "orders";
    /** The request-reply to the gateway. */
    public static final String EXECUTION = "execution";
    /** The gather of quotes. */
    public static final String QUOTES = "quotes";

    private final Ringway ringway;
    private final TradingStats stats;
    private final ActorRef feed;
    private final ActorRef gateway;
    private final ActorRef quoter;
    private final SlotClaim claim = new SlotClaim();
    private final UnsafeBuffer quoteRequest = new UnsafeBuffer(new byte[QuoteDescriptor.REQUEST_LENGTH]);

    private TradingTopology(final Ringway ringway, final TradingStats stats)
    {
        this.ringway = ringway;
        this.stats = stats;
        this.feed = ringway.actor(FEED);
        this.gateway = ringway.actor(GATEWAY);
        this.quoter = ringway.actor(QUOTER);
    }

    /**
     * Builds the topology, checks it, and starts its dispatchers.
     *
     * @param options how to run it; checked with {@link TradingOptions#conclude()}.
     * @return the running topology; {@link #close()} it.
     * @throws io.ringway.runtime.errors.ConfigurationException naming the first fault in the options.
     */
    public static TradingTopology start(final TradingOptions options)
    {
        final TradingStats stats = new TradingStats();
        return new TradingTopology(declare(options.conclude(), stats).build().start(), stats);
    }

    /** The topology in one screen: actors, their dispatchers, and the operators between them. */
    private static TopologyBuilder declare(final TradingOptions options, final TradingStats stats)
    {
        final int ringSize = options.ringSize();
        final String[] riskWorkers = new String[options.riskWorkers()];
        final TopologyBuilder topology = Topology.builder()
            .runtime(runtime ->
            {
                if (null != options.runtimeDirectory())
                {
                    runtime.runtimeDirectory(options.runtimeDirectory());
                }
                if (null != options.errorHandler())
                {
                    runtime.errorHandler(options.errorHandler());
                }
            })
            .dispatcher("md", options.idle())
            .dispatcher("strategies", options.idle())
            .dispatcher("risk", options.idle())
            .dispatcher("gateway", options.idle())
            .dispatcher("quotes", options.idle())
            .actor(FEED, context -> new Feed(context, stats, options),
                actor -> actor.dispatcher("md").ringSize(ringSize))
            .actor(STRATEGIES[0], context -> new TradingStrategy(0, context, stats, options),
                actor -> actor.dispatcher("strategies"))
            .actor(STRATEGIES[1], context -> new TradingStrategy(1, context, stats, options),
                actor -> actor.dispatcher("strategies"))
            .actor(GATEWAY, context -> new Gateway(context, stats),
                actor -> actor.dispatcher("gateway").ringSize(ringSize))
            .actor(QUOTER, context -> new Quoter(context, stats, options), actor -> actor.dispatcher("quotes"));
        for (int i = 0; i < riskWorkers.length; i++)
        {
            final int index = i;
            riskWorkers[i] = "risk" + i;
            // RESUME: a restart would forget the orders the worker holds back and its per-symbol sequences.
            topology.actor(riskWorkers[i], context -> new RiskWorker(index, context, stats, options),
                actor -> actor.dispatcher("risk").ringSize(ringSize).supervision(Supervision.RESUME));
        }
        for (int i = 0; i < VENUES.length; i++)
        {
            final int index = i;
            topology.actor(VENUES[i], context -> new Venue(index, context, stats, options),
                actor -> actor.dispatcher("quotes"));
        }
        return topology
            .fanOut(PRICES, fanOut -> fanOut
                .publisher(FEED)
                .subscriber(STRATEGIES[0], Delivery.LOSSLESS, "EUR")
                .subscriber(STRATEGIES[1], Delivery.LOSSLESS, "USD", "JPY")
                .ringSize(ringSize))
            .roundRobin(ORDERS, orders -> orders
                .senders(STRATEGIES)
                .workers(riskWorkers)
                .strategy(RoundRobinStrategy.KEY_AFFINITY)
                .key((buffer, offset, length) -> buffer.getInt(offset + OrderDescriptor.SYMBOL_OFFSET)))
            .requestReply(EXECUTION, execution -> execution
                .requesters(riskWorkers)
                .replier(GATEWAY)
                .timeout(options.gatewayTimeout())
                .maxInFlight(options.maxOrdersInFlight())
                .maxMessageLength(OrderDescriptor.REPLY_LENGTH))
            .gather(QUOTES, quotes -> quotes
                .requester(QUOTER)
                .members(VENUES)
                .all()
                .deadline(options.quoteDeadline())
                .maxInFlight(options.maxQuotesInFlight())
                .maxMessageLength(QuoteDescriptor.QUOTE_LENGTH));
    }

    /**
     * Hands the feed one tick, encoded in place in its mailbox. Allocates nothing.
     *
     * @param symbol     the instrument; its name is the topic.
     * @param price      in 1e-5 units.
     * @param quantity   of the order a strategy will send; over the limit, risk refuses it.
     * @param injectedNs the start of this tick's end-to-end latency, on {@code System.nanoTime()}: for a latency
     *                   run, the intended send time, so that a stalled sender does not hide its own delay.
     * @return a position, or {@link SendResult#BACK_PRESSURED} (the feed is behind: try again) or another negative
     * {@link SendResult} code.
     */
    public long injectMarketData(final Symbol symbol, final long price, final long quantity, final long injectedNs)
    {
        final long result = feed.tryClaim(MarketDataDescriptor.LENGTH, claim);
        if (result < 0)
        {
            stats.increment(Count.TICKS_REFUSED, 0);
            return result;
        }
        final MutableDirectBuffer tick = claim.buffer();
        tick.putInt(MarketDataDescriptor.SYMBOL_OFFSET, symbol.id());
        tick.putInt(MarketDataDescriptor.SYMBOL_OFFSET + 4, 0);
        tick.putLong(MarketDataDescriptor.PRICE_OFFSET, price);
        tick.putLong(MarketDataDescriptor.QUANTITY_OFFSET, quantity);
        tick.putLong(MarketDataDescriptor.INJECTED_NS_OFFSET, injectedNs);
        tick.putLong(MarketDataDescriptor.FEED_NS_OFFSET, 0);
        claim.messageType(MarketDataDescriptor.TICK_TYPE).commit();
        stats.increment(Count.TICKS_INJECTED, 0);
        return result;
    }

    /**
     * Asks the quoter to gather quotes for a symbol from every venue. Allocates nothing.
     *
     * @param symbol the instrument.
     * @return a position, or a negative {@link SendResult} code if the quoter's mailbox refused it.
     */
    public long requestQuote(final Symbol symbol)
    {
        quoteRequest.putInt(QuoteDescriptor.SYMBOL_OFFSET, symbol.id());
        return quoter.offer(QuoteDescriptor.QUOTE_REQUEST_TYPE, 0, quoteRequest, 0, QuoteDescriptor.REQUEST_LENGTH);
    }

    /**
     * Makes the gateway stop answering, from the next order it reads: its requesters then count timeouts.
     *
     * @return a position, or a negative {@link SendResult} code.
     */
    public long pauseGateway()
    {
        return gateway.offer(OrderDescriptor.GATEWAY_PAUSE_TYPE, 0, quoteRequest, 0, 0);
    }

    /**
     * Makes the gateway answer again, from the next order it reads.
     *
     * @return a position, or a negative {@link SendResult} code.
     */
    public long resumeGateway()
    {
        return gateway.offer(OrderDescriptor.GATEWAY_RESUME_TYPE, 0, quoteRequest, 0, 0);
    }

    /** @return the example's counts. Any thread. */
    public TradingStats stats()
    {
        return stats;
    }

    /**
     * Reads one counter of the runtime's counters file, such as {@code actor risk0.execution: timeouts} or
     * {@code actor quoter.quotes: late replies}. Allocates: for reports, not hot paths.
     *
     * @param label the counter's label.
     * @return its value.
     * @throws IllegalArgumentException if there is no such counter.
     */
    public long counter(final String label)
    {
        try (CountersFileReader reader = CountersFileReader.open(ringway.countersFile()))
        {
            final Map<String, Long> counters = reader.snapshot();
            final Long value = counters.get(label);
            if (null == value)
            {
                throw new IllegalArgumentException("no counter '" + label + "'; counters are " + counters.keySet());
            }
            return value;
        }
    }

    /** @return the runtime underneath, for its counters and close report. */
    public Ringway ringway()
    {
        return ringway;
    }

    /** Closes the runtime: lets the work in flight finish, then reports anything discarded. */
    @Override
    public void close()
    {
        ringway.close();
    }
}
