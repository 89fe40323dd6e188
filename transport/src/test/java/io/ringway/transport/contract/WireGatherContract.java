package io.ringway.transport.contract;

import io.ringway.patterns.gather.GatherContract;
import io.ringway.patterns.testing.MemberPlacement;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * The gather-with-deadline contract with the requester in the runtime under test and every member in another,
 * linked over {@link #scheme()}: one remote member per member, each a DEALER the requester's side binds and the
 * member's remote requesters (a ROUTER) connect to.
 */
abstract class WireGatherContract extends GatherContract
{
    private static final String MEMBER_SEES_ROUTE = "a member sees the request under its side's route token as its "
        + "correlation id, not the gather's id; the requester's envelope carries the id back, so results still "
        + "come under the gather's id (asserted over the wire by the completion tests)";
    private static final String MAILBOX_BEHIND_THE_WIRE = "the gatherer reaches a remote member's link port, not its "
        + "mailbox; a full remote mailbox holds the wire (high-water mark), so the scatter never sees it full";
    private static final String SECOND_REPLY_AT_THE_BRIDGE = "a member's second reply finds its route gone on the "
        + "member side's ROUTER and is dropped and counted there (link dropped counter), never reaching the "
        + "gatherer's late-reply count";

    @RegisterExtension
    static final WireClauses IN_PROCESS_ONLY = new WireClauses(Map.of(
        "shouldSendOneRequestToEveryMemberUnderTheGatherId", MEMBER_SEES_ROUTE,
        "shouldNameAMemberWhoseMailboxWasFullAsUnreachedAndNotWaitForIt", MAILBOX_BEHIND_THE_WIRE,
        "shouldRefuseAScatterThatReachesNoMember", MAILBOX_BEHIND_THE_WIRE,
        "shouldDropAndCountASecondReplyFromTheSameMemberAndRepliesFromStrangers", SECOND_REPLY_AT_THE_BRIDGE));

    /** @return what the two runtimes are linked over. */
    abstract WireScheme scheme();

    @Override
    protected MemberPlacement placement()
    {
        return new WireMemberPlacement(scheme(), runtimeDirectory);
    }
}
