package io.ringway.patterns.examples.trading;

/**
 * What {@link TradingStats} counts. Each count is kept per member of its role (strategy, risk worker or venue
 * index; 0 for the roles with one member), so that every slot has exactly one writer thread.
 * <p>
 * Conservation, when the topology is quiet: {@code TICKS_PUBLISHED + TICKS_DROPPED = TICKS_INJECTED};
 * {@code ORDERS_RECEIVED = ORDERS_SENT}; {@code ORDERS_RECEIVED = ORDERS_RISK_REJECTED + GATEWAY_REQUESTS +
 * ORDERS_DROPPED_AT_RISK}; {@code GATEWAY_REQUESTS = ORDERS_ACCEPTED + ORDER_TIMEOUTS}.
 */
public enum Count
{
    /** Ticks the feed's mailbox accepted from the caller. */
    TICKS_INJECTED,
    /** Ticks the feed's mailbox refused (back-pressure): the caller may try again. */
    TICKS_REFUSED,
    /** Ticks the feed published into the fan-out. */
    TICKS_PUBLISHED,
    /** Ticks the feed gave up publishing after the send timeout, or that the fan-out refused outright. */
    TICKS_DROPPED,
    /** Ticks a strategy received, per strategy. */
    TICKS_RECEIVED,
    /** Orders a strategy sent to a risk worker, per strategy. */
    ORDERS_SENT,
    /** Orders a strategy gave up sending, per strategy. */
    ORDERS_DROPPED,
    /** Orders a risk worker received, per worker. */
    ORDERS_RECEIVED,
    /** Orders a risk worker received out of their symbol's sequence, per worker: must stay 0. */
    ORDERS_OUT_OF_ORDER,
    /** Orders over the quantity limit, refused by a risk worker, per worker. */
    ORDERS_RISK_REJECTED,
    /** Requests a risk worker's requester took for the gateway, per worker. */
    GATEWAY_REQUESTS,
    /** Orders a risk worker had to hold while the gateway was back-pressured (not a loss), per worker. */
    ORDERS_HELD,
    /** Orders a risk worker could neither send nor hold, per worker. */
    ORDERS_DROPPED_AT_RISK,
    /** Gateway replies that accepted an order, per risk worker. */
    ORDERS_ACCEPTED,
    /** Gateway requests that got no reply by the deadline, per risk worker. */
    ORDER_TIMEOUTS,
    /** Orders the gateway received. */
    GATEWAY_RECEIVED,
    /** Orders the gateway did not answer because it was paused. */
    GATEWAY_IGNORED,
    /** Replies the gateway could not send. */
    GATEWAY_REPLY_FAILED,
    /** Quote requests the quoter scattered to the venues. */
    QUOTES_REQUESTED,
    /** Quote requests the quoter could not scatter, or that the quoter's mailbox refused. */
    QUOTES_REFUSED,
    /** Gathers completed, with every venue or at the deadline. */
    QUOTES_COMPLETED,
    /** Gathers completed by their deadline, with a venue missing. */
    QUOTES_EXPIRED,
    /** Results that named a venue as not answering, per venue. */
    VENUE_MISSING,
    /** Quotes a venue sent, per venue (late ones included). */
    VENUE_QUOTES,
    /** Quotes a venue could not send or hold back, per venue. */
    VENUE_DROPPED
}
