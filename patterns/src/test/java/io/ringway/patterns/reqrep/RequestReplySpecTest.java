package io.ringway.patterns.reqrep;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.BuildFaults;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Build-time faults of a correlate-reply declaration: each fails {@code build()} with a message that names the
 * operator and the fault.
 */
class RequestReplySpecTest
{
    private static final Duration TIMEOUT = Duration.ofMillis(5);

    @TempDir
    Path runtimeDirectory;

    private TopologyBuilder topology()
    {
        return BuildFaults.idleActors(runtimeDirectory, "risk1", "risk2", "gateway", "backup");
    }

    private void assertFault(final String expected, final Consumer<RequestReplySpec> configure)
    {
        final String message = BuildFaults.messageOf(() -> topology().requestReply("rr", configure));
        assertTrue(message.startsWith("request-reply 'rr': "), message);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void shouldBuildAValidDeclarationAndAttachARequesterToEachRequester()
    {
        try (Ringway ringway = topology()
            .requestReply("rr", rr -> rr.requesters("risk1", "risk2").repliers("gateway", "backup")
                .timeout(TIMEOUT).retries(1).maxInFlight(8).maxMessageLength(64))
            .build()
            .start())
        {
            assertEquals("risk1.rr", ringway.actor("risk1.rr").name());
            assertEquals("risk2.rr", ringway.actor("risk2.rr").name());
            assertEquals(64, ringway.actor("risk1.rr").maxMessageLength());
            assertEquals(32, ringway.actor("risk1.rr").capacity(), "twice 8 in flight x 2 attempts");
            assertThrows(IllegalArgumentException.class, () -> ringway.actor("gateway.rr"), "repliers get nothing");
        }
    }

    @Test
    void shouldRejectAnUnknownRequester()
    {
        assertFault("requester 'nobody' is not an actor of the topology",
            rr -> rr.requesters("nobody").replier("gateway").timeout(TIMEOUT));
    }

    @Test
    void shouldRejectAnUnknownReplier()
    {
        assertFault("replier 'nobody' is not an actor of the topology",
            rr -> rr.requesters("risk1").replier("nobody").timeout(TIMEOUT));
    }

    @Test
    void shouldRejectARequesterListedTwice()
    {
        assertFault("requester 'risk1' is listed twice",
            rr -> rr.requesters("risk1", "risk1").replier("gateway").timeout(TIMEOUT));
    }

    @Test
    void shouldRejectAReplierListedTwice()
    {
        assertFault("replier 'gateway' is listed twice",
            rr -> rr.requesters("risk1").repliers("gateway", "gateway").timeout(TIMEOUT));
    }

    @Test
    void shouldRejectAnActorThatIsBothRequesterAndReplier()
    {
        assertFault("'risk1' is both a requester and a replier",
            rr -> rr.requesters("risk1").replier("risk1").timeout(TIMEOUT));
    }

    @Test
    void shouldRejectMissingMembers()
    {
        assertFault("no requesters", rr -> rr.replier("gateway").timeout(TIMEOUT));
        assertFault("no replier", rr -> rr.requesters("risk1").timeout(TIMEOUT));
    }

    @Test
    void shouldRejectAMissingZeroOrNegativeTimeout()
    {
        assertFault("no timeout", rr -> rr.requesters("risk1").replier("gateway"));
        assertFault("timeout PT0S must be more than zero",
            rr -> rr.requesters("risk1").replier("gateway").timeout(Duration.ZERO));
        assertFault("must be more than zero",
            rr -> rr.requesters("risk1").replier("gateway").timeout(Duration.ofMillis(-1)));
    }

    @Test
    void shouldRejectNegativeRetries()
    {
        assertFault("retries -1 must be 0 or more",
            rr -> rr.requesters("risk1").replier("gateway").timeout(TIMEOUT).retries(-1));
    }

    @Test
    void shouldRejectAMaxInFlightBelowOne()
    {
        assertFault("max in flight 0 must be at least 1",
            rr -> rr.requesters("risk1").replier("gateway").timeout(TIMEOUT).maxInFlight(0));
    }

    /** Found by TopologyFuzzTest: a max in flight of 2^30 ran the heap out building each requester's table. */
    @Test
    void shouldRejectAMaxInFlightTooLargeToAllocate()
    {
        assertFault("max in flight 1073741824 must be at most 1048575",
            rr -> rr.requesters("risk1").replier("gateway").timeout(TIMEOUT).maxInFlight(1 << 30));
    }

    @Test
    void shouldRejectABadMaxMessageLength()
    {
        assertFault("max message length 0",
            rr -> rr.requesters("risk1").replier("gateway").timeout(TIMEOUT).maxMessageLength(0));
        assertFault("exceed 2 GiB", rr -> rr.requesters("risk1").replier("gateway").timeout(TIMEOUT)
            .retries(1).maxInFlight(1 << 16).maxMessageLength(1 << 16));
    }

    @Test
    void shouldRejectAReplyRingSizeThatIsNotAPowerOfTwo()
    {
        assertFault("reply ring size 6 is not a power of two",
            rr -> rr.requesters("risk1").replier("gateway").timeout(TIMEOUT).replyRingSize(6));
    }

    @Test
    void shouldRejectAnEmptyOperatorName()
    {
        assertThrows(ConfigurationException.class, () -> topology().requestReply(" ", rr -> { }));
    }
}
