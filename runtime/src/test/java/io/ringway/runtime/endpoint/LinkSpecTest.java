package io.ringway.runtime.endpoint;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.errors.ConfigurationException;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.ReadMode;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.CounterType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LinkSpecTest
{
    private static final Actor NO_OP = (buffer, offset, length, header) -> { };

    @TempDir
    Path runtimeDirectory;

    @Test
    void shouldGiveAPortAnAddressWhoseMessagesTheLinkTakes()
    {
        RecordingIpcTransport.OPENED.clear();
        try (Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .drainTimeout(Duration.ofMillis(50))
            .actor("end", context -> NO_OP)
            .link(new LinkSpec("remote", LinkShape.EXCLUSIVE).connect("ipc://peer").port(4, 64).deliverTo("end"))
            .build()
            .start())
        {
            final LinkRequest request = RecordingIpcTransport.OPENED.get(0).request;
            assertSame(ringway.actor("end"), request.inbound());
            assertEquals(ringway.actor("remote").id(), request.inboundSenderId());
            assertEquals(1024, request.maxMessageLength(), "the larger of the address's and the port's");

            final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
            for (int i = 0; i < 4; i++)
            {
                assertTrue(ringway.actor("remote").offer(message, 0, 8) >= 0);
            }
            assertEquals(SendResult.BACK_PRESSURED, ringway.actor("remote").offer(message, 0, 8));
            assertEquals(1, ringway.linkCounters("remote").get(CounterType.BACK_PRESSURED));

            final List<Integer> lengths = new ArrayList<>();
            assertEquals(3, request.outbound().poll((slot, sequence, end) -> lengths.add(slot.length()), 3));
            assertEquals(1, request.outbound().backlog());
            assertEquals(List.of(8, 8, 8), lengths);
        }
    }

    @Test
    void shouldHandTheTransportTheLinksIdleChoiceBackoffByDefault()
    {
        RecordingIpcTransport.OPENED.clear();
        try (Ringway ignored = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .actor("end", context -> NO_OP)
            .link(new LinkSpec("quiet", LinkShape.COLLECT).connect("ipc://quiet").deliverTo("end"))
            .link(new LinkSpec("eager", LinkShape.COLLECT).connect("ipc://eager").deliverTo("end").idle(Idle.YIELDING))
            .build()
            .start())
        {
            assertEquals(Idle.BACKOFF, RecordingIpcTransport.OPENED.get(0).request.idle());
            assertEquals(Idle.YIELDING, RecordingIpcTransport.OPENED.get(1).request.idle());
        }
    }

    @Test
    void shouldRefuseANullIdleChoice()
    {
        assertThrows(NullPointerException.class, () -> new LinkSpec("x", LinkShape.COLLECT).idle(null));
    }

    @Test
    void shouldReadASharedRingWithItsOwnReader()
    {
        RecordingIpcTransport.OPENED.clear();
        try (Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .sharedRing("prices", ring -> ring.reader("wire", ReadMode.LOSSLESS))
            .link(new LinkSpec("out", LinkShape.PUBLISH).bind("ipc://prices").readFrom("prices", "wire"))
            .build()
            .start())
        {
            final LinkRequest request = RecordingIpcTransport.OPENED.get(0).request;
            final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
            assertTrue(ringway.sharedRing("prices").offer(MessageSlot.NO_SENDER, 0, 0, message, 0, 16) >= 0);
            assertEquals(1, request.outbound().backlog());
            assertEquals(1, request.outbound().poll((slot, sequence, end) -> true, 10));
            assertNull(request.inbound());
        }
    }

    @Test
    void shouldRefuseALinkWhoseNamesDoNotResolve()
    {
        final ConfigurationException noAddress = assertThrows(ConfigurationException.class, () -> Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("ipc://x").deliverTo("nobody"))
            .build());
        assertTrue(noAddress.getMessage().contains("'nobody'"), noAddress.getMessage());

        final ConfigurationException noReader = assertThrows(ConfigurationException.class, () -> Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .sharedRing("prices", ring -> ring.reader("a", ReadMode.LOSSLESS))
            .link(new LinkSpec("out", LinkShape.PUBLISH).bind("ipc://x").readFrom("prices", "b"))
            .build());
        assertTrue(noReader.getMessage().contains("reader 'b'"), noReader.getMessage());
    }

    @Test
    void shouldRefuseAShapeWithoutTheSideItNeeds()
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class,
            () -> new LinkSpec("out", LinkShape.DISTRIBUTE).bind("tcp://127.0.0.1:*").validate());
        assertTrue(ex.getMessage().contains("DISTRIBUTE"), ex.getMessage());
        assertThrows(ConfigurationException.class,
            () -> new LinkSpec("in", LinkShape.COLLECT).deliverTo("a").validate(), "no endpoint");
        assertThrows(ConfigurationException.class, () -> new LinkSpec("in", LinkShape.COLLECT).bind("ipc://a")
            .deliverTo("a").limits(new LinkLimits(0, 0, 1, 1, 1)).validate(), "handshake 0 ms");
    }
}
