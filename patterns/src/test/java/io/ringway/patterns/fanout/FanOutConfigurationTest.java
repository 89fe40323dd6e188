package io.ringway.patterns.fanout;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Faults in a fan-out's declaration fail {@code build()} with a message that names the fan-out and the fault.
 */
class FanOutConfigurationTest
{
    @TempDir
    Path runtimeDirectory;

    private static final Actor IGNORE = (buffer, offset, length, header) -> { };

    private TopologyBuilder topology()
    {
        return Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .callerDispatcher("main")
            .actor("feed", context -> IGNORE)
            .actor("feed2", context -> IGNORE)
            .actor("a", context -> IGNORE)
            .actor("b", context -> IGNORE);
    }

    private void assertFault(final String expected, final Consumer<FanOutSpec> fanOut)
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class,
            () -> topology().fanOut("prices", fanOut).build());
        assertEquals(expected, ex.getMessage());
    }

    @Test
    void shouldBuildTheFanOutOfTheIssueAndAttachEachEnd()
    {
        final Object[] found = new Object[2];
        try (Ringway ringway = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .callerDispatcher("main")
            .actor("feed", context ->
            {
                found[0] = context.attachment("prices", FanOutPublisher.class);
                return IGNORE;
            })
            .actor("strategyA", context ->
            {
                found[1] = context.attachment("prices", Subscription.class);
                return IGNORE;
            })
            .fanOut("prices", fanOut -> fanOut
                .publisher("feed")
                .subscriber("strategyA", Delivery.LOSSLESS, "EUR", "GBP"))
            .build()
            .start())
        {
            assertNotNull(found[0]);
            assertEquals(2, ((Subscription)found[1]).prefixCount());
            assertEquals(Delivery.LOSSLESS, ((Subscription)found[1]).delivery());
            assertNotNull(ringway.sharedRing("prices").reader("strategyA"), "one reader per subscriber");
        }
    }

    @Test
    void shouldRejectAnUnknownMember()
    {
        final String actors = "; actors are ";
        final ConfigurationException publisher = assertThrows(ConfigurationException.class,
            () -> topology().fanOut("prices", f -> f.publisher("ghost").subscriber("a", Delivery.LOSSLESS)).build());
        assertTrue(publisher.getMessage().startsWith(
            "fan-out 'prices': publisher 'ghost' is not an actor of the topology" + actors), publisher.getMessage());
        final ConfigurationException subscriber = assertThrows(ConfigurationException.class,
            () -> topology().fanOut("prices", f -> f.publisher("feed").subscriber("x", Delivery.LOSSY)).build());
        assertTrue(subscriber.getMessage().startsWith(
            "fan-out 'prices': subscriber 'x' is not an actor of the topology" + actors), subscriber.getMessage());
    }

    @Test
    void shouldRejectANameUsedTwice()
    {
        assertFault("fan-out 'prices': publisher 'feed' is declared twice",
            f -> f.publisher("feed").publisher("feed").subscriber("a", Delivery.LOSSLESS));
        assertFault("fan-out 'prices': subscriber 'a' is declared twice",
            f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS).subscriber("a", Delivery.LOSSY));
        assertFault("fan-out 'prices': 'feed' is both a publisher and a subscriber; an actor has one end of a fan-out",
            f -> f.publisher("feed").subscriber("feed", Delivery.LOSSLESS));
        final ConfigurationException operator = assertThrows(ConfigurationException.class, () -> topology()
            .fanOut("prices", f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS))
            .fanOut("prices", f -> f.publisher("feed2").subscriber("b", Delivery.LOSSLESS)));
        assertEquals("operator name 'prices' is used twice", operator.getMessage());
    }

    @Test
    void shouldRejectARingSizeThatIsNotAPowerOfTwo()
    {
        for (final int size : new int[]{ 1000, 0, 1, -8 })
        {
            assertFault("fan-out 'prices': ring size " + size + " is not a power of two (at least 2)",
                f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS).ringSize(size));
        }
        assertFault("fan-out 'prices': max message length 0 must be at least 1 byte",
            f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS).maxMessageLength(0));
        assertFault("fan-out 'prices': batch limit 0 must be at least 1",
            f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS).batchLimit(0));
    }

    @Test
    void shouldRejectAFanOutWithoutPublisherOrSubscriber()
    {
        assertFault("fan-out 'prices': has no publisher", f -> f.subscriber("a", Delivery.LOSSLESS));
        assertFault("fan-out 'prices': has no subscriber", f -> f.publisher("feed"));
    }

    @Test
    void shouldRejectSingleProducerUnlessOnePublisherAndOnlyLosslessSubscribers()
    {
        assertFault("fan-out 'prices': singleProducer() needs exactly one publisher, not 2",
            f -> f.publisher("feed").publisher("feed2").subscriber("a", Delivery.LOSSLESS).singleProducer());
        assertFault("fan-out 'prices': subscriber 'b' is lossy, which needs a multi-producer ring: "
                + "drop singleProducer() or make it lossless",
            f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS).subscriber("b", Delivery.LOSSY)
                .singleProducer());
    }

    @Test
    void shouldRejectADeclaredPrefixThatDoesNotFitItsStorage()
    {
        assertFault("fan-out 'prices': subscriber 'a': prefix 'EURUSD' is 6 bytes, longer than maxPrefixLength 4",
            f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS, "EUR", "EURUSD").maxPrefixLength(4));
        assertFault("fan-out 'prices': subscriber 'a' declares 3 distinct prefixes, more than maxPrefixes 2",
            f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS, "A", "B", "A", "C").maxPrefixes(2));
        assertFault("fan-out 'prices': prefix storage of 0 prefixes of 64 bytes must hold at least one prefix",
            f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS).maxPrefixes(0));
    }

    @Test
    void shouldRejectAMissingDeliveryOrPrefix()
    {
        assertFault("fan-out 'prices': subscriber 'a' has no delivery (LOSSLESS or LOSSY)",
            f -> f.publisher("feed").subscriber("a", null));
        assertFault("fan-out 'prices': subscriber 'a' has a null prefix; use \"\" to take everything",
            f -> f.publisher("feed").subscriber("a", Delivery.LOSSLESS, "EUR", null));
    }
}
