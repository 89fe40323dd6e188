package io.ringway.patterns.examples.trading;

import io.ringway.patterns.gather.GatherResult;

/**
 * Told of every completed quote gather: which venues answered, which did not, and when. Runs on the quoter's
 * dispatcher thread.
 */
@FunctionalInterface
public interface QuoteListener
{
    /** Records nothing. */
    QuoteListener NONE = (requestedNs, completedNs, result) -> { };

    /**
     * @param requestedNs when the quoter scattered the request, on its dispatcher's clock.
     * @param completedNs when the gather completed, on the same clock.
     * @param result      the replies and the venues missing (member index = venue index), valid during the call
     *                    only.
     */
    void onQuote(long requestedNs, long completedNs, GatherResult result);
}
