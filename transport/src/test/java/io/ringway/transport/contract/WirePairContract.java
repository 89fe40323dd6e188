package io.ringway.transport.contract;

import io.ringway.patterns.pair.PairContract;
import io.ringway.patterns.pair.PairPlacement;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * The pair contract with end {@code a} in the runtime under test and end {@code b} in another, linked over
 * {@link #scheme()} by a PAIR link on each side ({@link WirePairPlacement}).
 */
abstract class WirePairContract extends PairContract
{
    @RegisterExtension
    static final WireClauses IN_PROCESS_ONLY = new WireClauses(Map.of(
        "shouldSendAsTheEndSoThatEachEndsPeerIsTheOtherEnd", "behind the bridge each end's peer is its own side's "
            + "link port, which stands for the other end: what an end receives comes from that port, not from the "
            + "other end's address, which lives in another runtime (that it comes from the peer is asserted by "
            + "shouldTalkBothWays)",
        "shouldCarryMessageTypeAndCorrelationId", "message type and correlation id do not cross a PAIR link: one "
            + "[body] frame, no Ringway metadata frame yet; they arrive as 0",
        "shouldBackPressureWhenThePeerIsFull", "an end's sends go to its side's link port, which the link empties "
            + "onto the wire: between the ends are the port, JeroMQ's queues (a high-water mark each way) and the "
            + "far end's address, so a full far end back-pressures the sender only once all of them are full (the "
            + "concurrent clause's ends retry on BACK_PRESSURED and lose nothing)"));

    /** @return what the two runtimes are linked over. */
    abstract WireScheme scheme();

    @Override
    protected PairPlacement placement()
    {
        return new WirePairPlacement(scheme(), runtimeDirectory);
    }
}
