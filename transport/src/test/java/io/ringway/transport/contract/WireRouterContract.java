package io.ringway.transport.contract;

import io.ringway.patterns.router.RouterContract;
import io.ringway.patterns.router.RouterPlacement;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * The router/dealer contract with the router and dealer {@code v0} in the runtime under test and every other
 * dealer in another, linked over {@link #scheme()}: a ROUTER link on the router's side, a DEALER link per remote
 * dealer ({@link WireRouterPlacement}).
 */
abstract class WireRouterContract extends RouterContract
{
    @RegisterExtension
    static final WireClauses IN_PROCESS_ONLY = new WireClauses(Map.of(
        "shouldNameDealersByTheirPositionInTheDeclaration", "a remote dealer has no position in the router's "
            + "declaration: its identity comes after the local dealers', in the order of first messages, and "
            + "identity(name) and dealerName(identity) name local dealers only (remote ones: remoteIdentity and "
            + "routingId, which the other clauses use)",
        "shouldThrowForAnUnknownDealerNameOnTheControlPlane", "identity(name) knows the local dealers only, so its "
            + "message lists [v0] here; a remote dealer is looked up by routing id (remoteIdentity), which gives "
            + "NO_IDENTITY for an unknown one",
        "shouldGiveNoIdentityToAnySenderIdThatIsNoDealers", "it names the dealer actors' ids, which exist only in "
            + "the runtime that holds them: every message of a remote dealer comes from the link's port, and its "
            + "identity from its routing id",
        "shouldAlsoReachTheSendingDealerWithContextReply", "a remote dealer's message comes from the link's port, "
            + "and context.reply to the port carries no routing id: the link refuses it as unroutable and counts "
            + "it (ZmqLink.unroutable()); answer by identity (shouldReplyByIdentityToTheDealerThatSent)",
        "shouldBackPressureADealerWhenTheRouterIsFull", "a remote dealer's messages reach the router through its "
            + "attachment's address (the link's capacity), not its mailbox, and a full router holds the wire (the "
            + "high-water mark), so the remote dealer is not refused where a local one is"));

    /** @return what the two runtimes are linked over. */
    abstract WireScheme scheme();

    @Override
    protected RouterPlacement placement()
    {
        return new WireRouterPlacement(scheme(), runtimeDirectory);
    }
}
