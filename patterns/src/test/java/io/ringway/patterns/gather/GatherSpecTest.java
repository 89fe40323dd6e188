package io.ringway.patterns.gather;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.BuildFaults;
import io.ringway.runtime.Ringway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Build-time faults of a gather declaration: each fails {@code build()} with a message that names the operator
 * and the fault.
 */
class GatherSpecTest
{
    private static final Duration DEADLINE = Duration.ofMillis(20);

    @TempDir
    Path runtimeDirectory;

    private TopologyBuilder topology()
    {
        return BuildFaults.idleActors(runtimeDirectory, "quoter", "venue1", "venue2", "venue3");
    }

    private static GatherSpec valid(final GatherSpec g)
    {
        return g.requester("quoter").members("venue1", "venue2", "venue3").deadline(DEADLINE);
    }

    private void assertFault(final String expected, final Consumer<GatherSpec> configure)
    {
        final String message = BuildFaults.messageOf(() -> topology().gather("quotes", configure));
        assertTrue(message.startsWith("gather 'quotes': "), message);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void shouldBuildAValidDeclarationAndAttachAGathererToTheRequester()
    {
        try (Ringway ringway = topology()
            .gather("quotes", g -> valid(g).quorum(2).maxInFlight(16).maxMessageLength(128))
            .build()
            .start())
        {
            assertEquals(128, ringway.actor("quoter.quotes").maxMessageLength());
            assertEquals(128, ringway.actor("quoter.quotes").capacity(), "twice 16 gathers x 3 members, rounded up");
            assertThrows(IllegalArgumentException.class, () -> ringway.actor("venue1.quotes"), "members get nothing");
        }
    }

    @Test
    void shouldRejectAnUnknownMemberOrRequester()
    {
        assertFault("member 'venue9' is not an actor of the topology",
            g -> g.requester("quoter").members("venue1", "venue9").deadline(DEADLINE));
        assertFault("requester 'nobody' is not an actor of the topology",
            g -> g.requester("nobody").members("venue1").deadline(DEADLINE));
    }

    @Test
    void shouldRejectAMemberListedTwice()
    {
        assertFault("member 'venue1' is listed twice",
            g -> g.requester("quoter").members("venue1", "venue2", "venue1").deadline(DEADLINE));
    }

    @Test
    void shouldRejectARequesterThatIsAlsoAMember()
    {
        assertFault("'quoter' is both the requester and a member",
            g -> g.requester("quoter").members("venue1", "quoter").deadline(DEADLINE));
    }

    @Test
    void shouldRejectASecondRequester()
    {
        assertFault("requester is set twice: 'quoter' and 'venue1'", g -> valid(g).requester("venue1"));
    }

    @Test
    void shouldRejectMissingMembersOrRequester()
    {
        assertFault("no members", g -> g.requester("quoter").deadline(DEADLINE));
        assertFault("no requester", g -> g.members("venue1").deadline(DEADLINE));
    }

    @Test
    void shouldRejectAQuorumLargerThanTheMemberCount()
    {
        assertFault("quorum(4) must be between 1 and the member count 3", g -> valid(g).quorum(4));
    }

    @Test
    void shouldRejectAQuorumBelowOne()
    {
        assertFault("quorum(0) must be between 1 and the member count 3", g -> valid(g).quorum(0));
        assertFault("quorum(-1)", g -> valid(g).quorum(-1));
    }

    @Test
    void shouldRejectACompletionRuleSetTwice()
    {
        assertFault("completion rule is set twice: all() and firstWins()", g -> valid(g).all().firstWins());
    }

    @Test
    void shouldRejectAMissingZeroOrNegativeDeadline()
    {
        assertFault("no deadline", g -> g.requester("quoter").members("venue1"));
        assertFault("deadline PT0S must be more than zero", g -> valid(g).deadline(Duration.ZERO));
        assertFault("must be more than zero", g -> valid(g).deadline(Duration.ofMillis(-5)));
    }

    @Test
    void shouldRejectAMaxInFlightBelowOne()
    {
        assertFault("max in flight 0 must be at least 1", g -> valid(g).maxInFlight(0));
    }

    @Test
    void shouldRejectAMaxInFlightTooLargeToAllocate()
    {
        assertFault("max in flight 2147483647 must be at most 1048575", g -> valid(g).maxInFlight(Integer.MAX_VALUE));
    }

    @Test
    void shouldRejectABadMaxMessageLengthOrSlotsTooLarge()
    {
        assertFault("max message length 0", g -> valid(g).maxMessageLength(0));
        assertFault("exceed 2 GiB", g -> valid(g).maxInFlight(1 << 16).maxMessageLength(1 << 16));
    }

    @Test
    void shouldRejectAReplyRingSizeThatIsNotAPowerOfTwo()
    {
        assertFault("reply ring size 12 is not a power of two", g -> valid(g).replyRingSize(12));
    }
}
