package io.ringway.transport.contract;

import io.ringway.patterns.reqrep.RequestReplyContract;
import io.ringway.patterns.testing.MemberPlacement;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * The correlate-reply contract with the requesters in the runtime under test and the repliers in another,
 * linked over {@link #scheme()}: the requesters' remote repliers (a DEALER) bound, each replier's remote
 * requesters (a ROUTER) connected to it.
 */
abstract class WireRequestReplyContract extends RequestReplyContract
{
    /** Over the wire, a replier sees the bridge's view of a request (docs/WIRE.md, correlate-reply). */
    private static final String REPLIER_SEES_ROUTE = "the replier sees the request under the replier side's route "
        + "token as its correlation id and with message type 0, not the requester's id and type; only the "
        + "requester's envelope carries them, and its reply is matched by them (the requester's view is asserted "
        + "over the wire by shouldDeliverEachReplyToItsRequesterOnly and the holder tests)";
    /** Over the wire, the requester's rotation sees one replier: the link's port. */
    private static final String ONE_TURN_OF_ROTATION = "remote repliers are one turn of the requester's rotation, the "
        + "link's port; among themselves JeroMQ's DEALER rotates in the order their connections completed, and a "
        + "full remote mailbox holds the wire (high-water mark), so the requester never sees it full";

    @RegisterExtension
    static final WireClauses IN_PROCESS_ONLY = new WireClauses(Map.of(
        "shouldDeliverTheReplyUnderTheRequestsCorrelationIdAndType", REPLIER_SEES_ROUTE,
        "shouldRetryUpToTheBoundUnderTheSameCorrelationIdThenTimeOut", REPLIER_SEES_ROUTE,
        "shouldRotateOverRepliersAndSendARetryToTheNextOne", ONE_TURN_OF_ROTATION,
        "shouldSkipARepliersFullMailboxInTheRotation", ONE_TURN_OF_ROTATION,
        "shouldRefuseWithBackPressuredWhenTheRepliersMailboxIsFullAndForgetTheRequest", ONE_TURN_OF_ROTATION));

    /** @return what the two runtimes are linked over. */
    abstract WireScheme scheme();

    @Override
    protected MemberPlacement placement()
    {
        return new WireMemberPlacement(scheme(), runtimeDirectory);
    }
}
