package io.ringway.patterns.roundrobin;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.BuildFaults;
import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A badly declared round-robin fails the build with a message that names the operator and the fault.
 */
class RoundRobinSpecTest
{
    @TempDir
    Path runtimeDirectory;

    private TopologyBuilder topology()
    {
        return BuildFaults.idleActors(runtimeDirectory, "a", "b", "w1", "w2");
    }

    private void assertBuildFails(final String expectedMessage, final Consumer<RoundRobinSpec> configure)
    {
        final String message = BuildFaults.messageOf(() -> topology().roundRobin("orders", configure));
        assertTrue(message.startsWith(expectedMessage), message);
    }

    @Test
    void shouldBuildAValidRoundRobin()
    {
        topology().roundRobin("orders", rr -> rr.senders("a", "b").workers("w1", "w2")).build().close();
    }

    @Test
    void shouldRejectAnUnknownSender()
    {
        assertBuildFails("round-robin 'orders': sender 'nobody' is not an actor of the topology",
            rr -> rr.senders("a", "nobody").workers("w1"));
    }

    @Test
    void shouldRejectAnUnknownWorker()
    {
        assertBuildFails("round-robin 'orders': worker 'w3' is not an actor of the topology",
            rr -> rr.senders("a").workers("w1", "w3"));
    }

    @Test
    void shouldRejectANullMemberName()
    {
        assertBuildFails("round-robin 'orders': a worker name is null", rr -> rr.senders("a").workers("w1", null));
    }

    @Test
    void shouldRejectNoSendersOrNoWorkers()
    {
        assertBuildFails("round-robin 'orders': has no senders", rr -> rr.workers("w1"));
        assertBuildFails("round-robin 'orders': has no workers", rr -> rr.senders("a"));
    }

    @Test
    void shouldRejectAWorkerNamedTwice()
    {
        assertBuildFails("round-robin 'orders': worker 'w1' is named twice",
            rr -> rr.senders("a").workers("w1").workers("w1"));
    }

    @Test
    void shouldRejectASenderNamedTwice()
    {
        assertBuildFails("round-robin 'orders': sender 'a' is named twice", rr -> rr.senders("a", "a").workers("w1"));
    }

    @Test
    void shouldRejectAnActorThatIsBothSenderAndWorker()
    {
        assertBuildFails("round-robin 'orders': worker 'a' is named twice", rr -> rr.senders("a").workers("w1", "a"));
    }

    @Test
    void shouldRejectKeyAffinityWithoutAKeyFunction()
    {
        assertBuildFails("round-robin 'orders': strategy KEY_AFFINITY needs a key function",
            rr -> rr.senders("a").workers("w1", "w2").strategy(RoundRobinStrategy.KEY_AFFINITY));
    }

    @Test
    void shouldRejectAKeyFunctionThatOtherStrategiesWouldIgnore()
    {
        assertBuildFails("round-robin 'orders': a key function is only used by strategy KEY_AFFINITY, not LEAST_LOADED",
            rr -> rr.senders("a").workers("w1").strategy(RoundRobinStrategy.LEAST_LOADED)
                .key((buffer, offset, length) -> 0));
    }

    @Test
    void shouldRejectANullStrategy()
    {
        assertBuildFails("round-robin 'orders': strategy is null", rr -> rr.senders("a").workers("w1").strategy(null));
    }

    @Test
    void shouldRejectAnOperatorNameUsedTwice()
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class, () -> topology()
            .roundRobin("orders", rr -> rr.senders("a").workers("w1"))
            .roundRobin("orders", rr -> rr.senders("b").workers("w2")));
        assertEquals("operator name 'orders' is used twice", ex.getMessage());
    }
}
