package io.ringway.transport.contract;

import io.ringway.patterns.fanout.FanOutContract;
import io.ringway.patterns.testing.Placement;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * The fan-out contract with the publishers in the runtime under test and the subscribers in another, linked over
 * {@link #scheme()}: lossless remote subscribers (XPUB) bound on the publishing side, remote publishers (SUB, to
 * everything) connected on the subscribing side, where the subscribers match their prefixes.
 */
abstract class WireFanOutContract extends FanOutContract
{
    @RegisterExtension
    static final WireClauses IN_PROCESS_ONLY = new WireClauses(Map.of(
        "shouldHandTheSubscriberTheBodyWithTheTopicJustBeforeItAndThePublisherAsSender", "the publisher's identity "
            + "does not cross the wire (no Ringway metadata frame yet): on the subscribing side every message "
            + "comes from the link; topic and body do cross, asserted by the other clauses",
        "shouldBackPressureThePublishersWhileALosslessSubscriberIsARingBehind", "a remote lossless subscriber a "
            + "ring behind does not refuse the next publish: the publishing side's ring, JeroMQ's queues (the "
            + "high-water mark each way) and the subscribing side's ring are all between them, so the publisher "
            + "is back-pressured only once all of them are full (asserted by the concurrent publishers clause, "
            + "whose publishers retry on BACK_PRESSURED and lose nothing)"));

    /** @return what the two runtimes are linked over. */
    abstract WireScheme scheme();

    @Override
    protected Placement placement()
    {
        return new WirePlacement(scheme(), runtimeDirectory);
    }
}
