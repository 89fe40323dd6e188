package io.ringway.patterns.examples.trading;

import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.errors.ConfigurationException;
import org.agrona.ErrorHandler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the trading example: idle strategy, rates, sizes, deadlines, and the listeners that see each
 * accepted order and each quote. Every setting has a default; {@link #conclude()} checks them all at once.
 * <p>
 * Not thread safe: configure on one thread, before {@link TradingTopology#start}.
 */
public final class TradingOptions
{
    private Idle idle = Idle.BACKOFF;
    private int riskWorkers = 2;
    private int orderEvery = 1;
    private long maxOrderQuantity = 1_000_000;
    private Duration gatewayTimeout = Duration.ofMillis(200);
    private int maxOrdersInFlight = 4096;
    private int heldOrders = 4096;
    private Duration quoteDeadline = Duration.ofMillis(20);
    private Duration slowVenueDelay = Duration.ofMillis(60);
    private int maxQuotesInFlight = 64;
    private Duration sendTimeout = Duration.ofSeconds(5);
    private int ringSize = 4096;
    private Path runtimeDirectory;
    private ErrorHandler errorHandler;
    private OrderListener orderListener = OrderListener.NONE;
    private QuoteListener quoteListener = QuoteListener.NONE;

    /**
     * @param idle how every dispatcher waits for work, and how the feed and strategies wait while back-pressured:
     *             {@link Idle#BACKOFF} by default, {@link Idle#BUSY_SPIN} for a latency run on dedicated cores.
     * @return these options.
     */
    public TradingOptions idle(final Idle idle)
    {
        this.idle = idle;
        return this;
    }

    /**
     * @param riskWorkers how many risk workers share the orders by symbol, 1 to {@link TradingStats#MAX_MEMBERS};
     *                    2 by default.
     * @return these options.
     */
    public TradingOptions riskWorkers(final int riskWorkers)
    {
        this.riskWorkers = riskWorkers;
        return this;
    }

    /**
     * @param ticks a strategy sends one order every this many ticks it receives; 1 (every tick) by default.
     * @return these options.
     */
    public TradingOptions orderEvery(final int ticks)
    {
        this.orderEvery = ticks;
        return this;
    }

    /**
     * @param quantity the risk workers refuse orders over this quantity; 1,000,000 by default.
     * @return these options.
     */
    public TradingOptions maxOrderQuantity(final long quantity)
    {
        this.maxOrderQuantity = quantity;
        return this;
    }

    /**
     * @param timeout how long a risk worker waits for the gateway's reply before counting a timeout; 200 ms by
     *                default.
     * @return these options.
     */
    public TradingOptions gatewayTimeout(final Duration timeout)
    {
        this.gatewayTimeout = timeout;
        return this;
    }

    /**
     * @param orders gateway requests in flight per risk worker, and orders it may hold back beyond those while all
     *               of them wait for replies; 4096 each by default.
     * @return these options.
     */
    public TradingOptions maxOrdersInFlight(final int orders)
    {
        this.maxOrdersInFlight = orders;
        this.heldOrders = orders;
        return this;
    }

    /**
     * @param deadline when a quote gather completes with whatever venues have answered; 20 ms by default.
     * @return these options.
     */
    public TradingOptions quoteDeadline(final Duration deadline)
    {
        this.quoteDeadline = deadline;
        return this;
    }

    /**
     * @param delay how long the slow venue takes to answer; 60 ms by default, past the quote deadline.
     *              {@link Duration#ZERO} makes every venue fast.
     * @return these options.
     */
    public TradingOptions slowVenueDelay(final Duration delay)
    {
        this.slowVenueDelay = delay;
        return this;
    }

    /**
     * @param gathers quote gathers open at once; 64 by default.
     * @return these options.
     */
    public TradingOptions maxQuotesInFlight(final int gathers)
    {
        this.maxQuotesInFlight = gathers;
        return this;
    }

    /**
     * @param timeout how long the feed, the strategies and the risk workers keep retrying a back-pressured send
     *                before they count it as dropped (or, for risk, hold it); 5 s by default.
     * @return these options.
     */
    public TradingOptions sendTimeout(final Duration timeout)
    {
        this.sendTimeout = timeout;
        return this;
    }

    /**
     * @param ringSize slots in the feed's, strategies', risk workers' and gateway's mailboxes and in the fan-out's
     *                 ring, a power of two; 4096 by default.
     * @return these options.
     */
    public TradingOptions ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * @param directory where the counters file goes; the runtime's default when not set.
     * @return these options.
     */
    public TradingOptions runtimeDirectory(final Path directory)
    {
        this.runtimeDirectory = directory;
        return this;
    }

    /**
     * @param errorHandler gets what actors throw; the runtime's default when not set.
     * @return these options.
     */
    public TradingOptions errorHandler(final ErrorHandler errorHandler)
    {
        this.errorHandler = errorHandler;
        return this;
    }

    /**
     * @param listener told of every accepted order with its hop times; must not allocate or block.
     * @return these options.
     */
    public TradingOptions orderListener(final OrderListener listener)
    {
        this.orderListener = listener;
        return this;
    }

    /**
     * @param listener told of every completed quote gather.
     * @return these options.
     */
    public TradingOptions quoteListener(final QuoteListener listener)
    {
        this.quoteListener = listener;
        return this;
    }

    /**
     * Checks every setting.
     *
     * @return these options.
     * @throws ConfigurationException naming the first setting out of range.
     */
    public TradingOptions conclude()
    {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(orderListener, "orderListener");
        Objects.requireNonNull(quoteListener, "quoteListener");
        requireRange("riskWorkers", riskWorkers, 1, TradingStats.MAX_MEMBERS);
        requireRange("orderEvery", orderEvery, 1, Integer.MAX_VALUE);
        requireRange("maxOrdersInFlight", maxOrdersInFlight, 1, 1 << 16);
        requireRange("maxQuotesInFlight", maxQuotesInFlight, 1, 1 << 16);
        requirePositive("gatewayTimeout", gatewayTimeout);
        requirePositive("quoteDeadline", quoteDeadline);
        requirePositive("sendTimeout", sendTimeout);
        if (slowVenueDelay.isNegative())
        {
            throw new ConfigurationException("slowVenueDelay " + slowVenueDelay + " must not be negative");
        }
        return this;
    }

    private static void requireRange(final String name, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new ConfigurationException(name + " " + value + " must be between " + min + " and " + max);
        }
    }

    private static void requirePositive(final String name, final Duration value)
    {
        if (null == value || value.isZero() || value.isNegative())
        {
            throw new ConfigurationException(name + " " + value + " must be more than zero");
        }
    }

    Idle idle()
    {
        return idle;
    }

    int riskWorkers()
    {
        return riskWorkers;
    }

    int orderEvery()
    {
        return orderEvery;
    }

    long maxOrderQuantity()
    {
        return maxOrderQuantity;
    }

    Duration gatewayTimeout()
    {
        return gatewayTimeout;
    }

    int maxOrdersInFlight()
    {
        return maxOrdersInFlight;
    }

    int heldOrders()
    {
        return heldOrders;
    }

    Duration quoteDeadline()
    {
        return quoteDeadline;
    }

    Duration slowVenueDelay()
    {
        return slowVenueDelay;
    }

    int maxQuotesInFlight()
    {
        return maxQuotesInFlight;
    }

    Duration sendTimeout()
    {
        return sendTimeout;
    }

    int ringSize()
    {
        return ringSize;
    }

    Path runtimeDirectory()
    {
        return runtimeDirectory;
    }

    ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    OrderListener orderListener()
    {
        return orderListener;
    }

    QuoteListener quoteListener()
    {
        return quoteListener;
    }
}
