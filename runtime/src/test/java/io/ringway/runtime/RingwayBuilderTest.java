package io.ringway.runtime;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RingwayBuilderTest
{
    private static final ActorFactory NO_OP = context -> (Actor)(buffer, offset, length, header) -> { };

    @TempDir
    Path runtimeDirectory;

    private RingwayBuilder builder()
    {
        return Ringway.builder().runtimeDirectory(runtimeDirectory);
    }

    private static void assertFault(final String expected, final Executable build)
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class, build);
        assertTrue(ex.getMessage().contains(expected), "message '" + ex.getMessage() + "' should name: " + expected);
    }

    @Test
    void shouldRejectRingSizeThatIsNotAPowerOfTwo()
    {
        assertFault("actor 'pong': ring size 1000 is not a power of two",
            () -> builder().actor("pong", NO_OP, actor -> actor.ringSize(1000)).build());
        assertFault("ring size 1 is not a power of two",
            () -> builder().actor("pong", NO_OP, actor -> actor.ringSize(1)).build());
    }

    /** Found by TopologyFuzzTest: these failed the build with an ArithmeticException ("integer overflow"). */
    @Test
    void shouldRejectRingTooLargeToAddressNamingItsSize()
    {
        assertFault("actor 'pong': ring of 1073741824 slots of 1 bytes needs 68719476736 bytes",
            () -> builder().actor("pong", NO_OP, actor -> actor.ringSize(1 << 30).maxMessageLength(1)).build());
        assertFault("actor 'pong': ring of 2 slots of 2147483647 bytes needs",
            () -> builder().actor("pong", NO_OP, actor -> actor.ringSize(2).maxMessageLength(Integer.MAX_VALUE))
                .build());
        assertFault("shared ring 'prices': ring of 65536 slots of 65536 bytes",
            () -> builder().sharedRing("prices", ring -> ring.ringSize(1 << 16).maxMessageLength(1 << 16)).build());
    }

    @Test
    void shouldRejectDuplicateActorName()
    {
        assertFault("actor name 'pong' is used twice", () -> builder().actor("pong", NO_OP).actor("pong", NO_OP));
    }

    @Test
    void shouldRejectDuplicateDispatcherName()
    {
        assertFault("dispatcher name 'io' is used twice", () -> builder().dispatcher("io").callerDispatcher("io"));
    }

    @Test
    void shouldRejectZeroMessageSize()
    {
        assertFault("actor 'pong': max message length 0 must be at least 1 byte",
            () -> builder().actor("pong", NO_OP, actor -> actor.maxMessageLength(0)).build());
    }

    @Test
    void shouldRejectUnknownSchemeNamingTheActor()
    {
        assertFault("actor 'pong': endpoint 'udp://239.1.1.1:5000' has unknown scheme 'udp'",
            () -> builder().actor("pong", NO_OP, actor -> actor.bind("udp://239.1.1.1:5000")).build());
    }

    @Test
    void shouldRejectUndeclaredDispatcher()
    {
        assertFault("actor 'pong': dispatcher 'fast' is not declared; dispatchers are [io]",
            () -> builder().dispatcher("io").actor("pong", NO_OP, actor -> actor.dispatcher("fast")).build());
    }

    @Test
    void shouldRejectInprocNameTakenByAnotherActor()
    {
        assertFault("actor 'b': inproc name 'a' is already taken",
            () -> builder().actor("a", NO_OP).actor("b", NO_OP, actor -> actor.bind("inproc://a")).build());
    }

    @Test
    void shouldRejectEmptyNames()
    {
        assertFault("actor name must not be empty", () -> builder().actor(" ", NO_OP));
        assertFault("dispatcher name must not be empty", () -> builder().dispatcher(""));
    }

    @Test
    void shouldRejectConnectToInproc()
    {
        assertFault("cannot connect to inproc://x",
            () -> builder().actor("a", NO_OP, actor -> actor.connect("inproc://x")).build());
    }

    @Test
    void shouldPlaceActorsOnADefaultDispatcherWhenNoneIsDeclared()
    {
        try (Ringway ringway = builder().actor("a", NO_OP).build())
        {
            assertEquals(0, ringway.dispatcherCounters(RingwayBuilder.DEFAULT_DISPATCHER).get(
                io.ringway.runtime.status.CounterType.RECEIVED));
        }
    }

    @Test
    void shouldResolveActorsByNameAndInprocAlias()
    {
        try (Ringway ringway = builder().actor("gateway", NO_OP, actor -> actor.bind("inproc://orders")).build())
        {
            assertSame(ringway.actor("gateway"), ringway.actor("inproc://orders"));
            assertSame(ringway.actor("gateway"), ringway.actor("inproc://gateway"));
            assertThrows(IllegalArgumentException.class, () -> ringway.actor("nobody"));
        }
    }

    @Test
    void shouldRefuseToShareARuntimeDirectoryWithALiveRuntime()
    {
        try (Ringway first = builder().actor("a", NO_OP).build())
        {
            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> builder().actor("b", NO_OP).build());
            assertTrue(ex.getMessage().contains("is in use by a running runtime"), ex.getMessage());
        }
        builder().actor("b", NO_OP).build().close();
    }

    @Test
    void shouldValidateSharedRings()
    {
        assertFault("shared ring 'prices': ring size 12 is not a power of two",
            () -> builder().sharedRing("prices", ring -> ring.ringSize(12)).build());
        assertFault("shared ring 'prices': reader 'b' comes after 'a', which is not a reader declared before it",
            () -> builder().sharedRing("prices", ring -> ring
                .reader("b", io.ringway.runtime.ring.ReadMode.LOSSLESS, "a")
                .reader("a", io.ringway.runtime.ring.ReadMode.LOSSLESS)).build());
        assertFault("lossy reader 'x' needs a multi-producer ring",
            () -> builder().sharedRing("prices", ring -> ring.singleProducer()
                .reader("x", io.ringway.runtime.ring.ReadMode.LOSSY)).build());
        assertFault("shared ring name 'prices' is used twice",
            () -> builder().sharedRing("prices", ring -> { }).sharedRing("prices", ring -> { }));
    }

    @Test
    void shouldBuildSharedRingWithItsReaders()
    {
        try (Ringway ringway = builder().sharedRing("prices", ring -> ring
            .reader("a", io.ringway.runtime.ring.ReadMode.LOSSLESS)
            .reader("b", io.ringway.runtime.ring.ReadMode.LOSSY)).build())
        {
            assertEquals(java.util.Set.of("a", "b"), ringway.sharedRing("prices").readers().keySet());
            assertThrows(IllegalArgumentException.class, () -> ringway.sharedRing("volumes"));
        }
    }
}
