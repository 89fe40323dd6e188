package io.ringway.transport;

import io.ringway.runtime.CloseReport;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ringway.transport.RingwayLinkTest.endpointOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults around a link: a hung peer, a close with messages nobody can take, bad configuration.
 */
class LinkFaultTest
{
    @TempDir
    Path runtimeDirectory;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(final T resource)
    {
        resources.add(resource);
        return resource;
    }

    @Test
    void shouldDropAHungPeerOnHeartbeatTimeoutAndTakeItBackWhenItResumes()
    {
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .drainTimeout(Duration.ofMillis(500))
            .link(new LinkSpec("out", LinkShape.DISTRIBUTE).bind("tcp://127.0.0.1:*").port(64, 64)
                .limits(new LinkLimits(200, 1_000, 100, 400, 100)))
            .build()).start();
        final ZmqLink link = (ZmqLink)ringway.link("out");
        final PyzmqPeer peer = closeLater(PyzmqPeer.start("pull", endpointOf(ringway, "out"), "2"));
        assertEquals("ready", peer.nextLine());
        Await.until(() -> link.handshakes() == 1, () -> "handshakes " + link.handshakes());
        send(ringway, "before");
        assertEquals("before", peer.nextLine());

        peer.signal("STOP");
        Await.until(() -> link.disconnects() == 1, Duration.ofSeconds(5),
            () -> "the hung peer is dropped by the heartbeat timeout; disconnects " + link.disconnects());

        peer.signal("CONT");
        Await.until(() -> link.handshakes() == 2, Duration.ofSeconds(10),
            () -> "the resumed peer reconnects; handshakes " + link.handshakes());
        send(ringway, "after");
        assertEquals("after", peer.nextLine());
        assertEquals(0, peer.exitCode());
    }

    @Test
    void shouldReportWhatItCouldNotSendAtClose()
    {
        final List<CloseReport> reports = new ArrayList<>();
        final Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .drainTimeout(Duration.ofMillis(100))
            .closeReportHandler(reports::add)
            .link(new LinkSpec("out", LinkShape.DISTRIBUTE).bind("tcp://127.0.0.1:*").port(64, 64)
                .limits(new LinkLimits(100, 1_000, 0, 0, 100)))
            .build().start();
        for (int i = 0; i < 3; i++)
        {
            send(ringway, "m" + i);
        }
        ringway.close();

        final CloseReport report = reports.get(0);
        assertEquals(3, report.discarded(), report.toString());
        assertEquals(3, report.discardedByActor().get("out"),
            "no peer ever connected: every message is held by the link or left in its port, and reported");
        assertEquals(3, ringway.linkCounters("out").get(CounterType.DROPPED));
        assertEquals(0, ringway.linkCounters("out").get(CounterType.SENT));
    }

    @Test
    void shouldRefuseABindToEveryInterface()
    {
        final Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("sink", context -> (buffer, offset, length, header) -> { })
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("tcp://*:*").deliverTo("sink"))
            .build();
        final RuntimeException ex = assertThrows(RuntimeException.class, ringway::start);
        assertTrue(ex.getMessage().contains("every interface"), ex.getMessage());
    }

    @Test
    void shouldFailStartWhenTheAddressIsInUse()
    {
        final Ringway first = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory.resolve("a"))
            .actor("sink", context -> (buffer, offset, length, header) -> { })
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("tcp://127.0.0.1:*").deliverTo("sink"))
            .build()).start();
        final Ringway second = Ringway.builder()
            .runtimeDirectory(runtimeDirectory.resolve("b"))
            .actor("sink", context -> (buffer, offset, length, header) -> { })
            .link(new LinkSpec("in", LinkShape.COLLECT).bind(endpointOf(first, "in")).deliverTo("sink"))
            .build();
        final RuntimeException ex = assertThrows(RuntimeException.class, second::start);
        assertTrue(ex.getMessage().contains("cannot bind"), ex.getMessage());
    }

    private static void send(final Ringway ringway, final String text)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final int length = buffer.putStringWithoutLengthAscii(0, text);
        Await.until(() -> ringway.actor("out").offer(buffer, 0, length) >= 0, () -> "port took " + text);
    }
}
