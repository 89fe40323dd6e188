package io.ringway.patterns.examples.trading;

/**
 * Told of every order the gateway accepted, with the times of each hop; for a latency recorder. Must not allocate
 * or block: it runs on a risk worker's dispatcher thread, in the order path.
 */
@FunctionalInterface
public interface OrderListener
{
    /** Records nothing. */
    OrderListener NONE = trace -> { };

    /**
     * @param trace the order and its hop times, valid during the call only. Called on the risk workers'
     *              dispatcher thread.
     */
    void onOrderAccepted(OrderTrace trace);
}
