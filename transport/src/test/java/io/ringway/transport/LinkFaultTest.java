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
    void shouldDropAHungSenderOnHeartbeatTimeoutAndTakeItBackWhenItResumes()
    {
        final List<String> received = Recorder.newLog();
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("worker", context -> new Recorder(received))
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("tcp://127.0.0.1:*").deliverTo("worker")
                .limits(new LinkLimits(200, 1_000, 100, 400, 100)))
            .build()).start();
        final ZmqLink link = (ZmqLink)ringway.link("in");
        final PyzmqPeer peer = closeLater(PyzmqPeer.start("push-twice", endpointOf(ringway, "in")));
        assertEquals("sent before", peer.nextLine());
        Await.until(() -> received.size() == 1, () -> "received " + received);

        peer.signal("STOP");
        Await.until(() -> link.disconnects() == 1, Duration.ofSeconds(5),
            () -> "the hung peer is dropped by the heartbeat timeout; disconnects " + link.disconnects());

        peer.signal("CONT");
        Await.until(() -> link.handshakes() == 2, Duration.ofSeconds(10),
            () -> "the resumed peer reconnects; handshakes " + link.handshakes());
        peer.writeLine("go");
        assertEquals("sent after", peer.nextLine());
        Await.until(() -> received.size() == 2, () -> "received " + received);
        assertEquals(List.of("before", "after"), received);
    }

    @Test
    void shouldBackPressureAHungReceiverAndLoseNothingWhenItResumes()
    {
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .drainTimeout(Duration.ofMillis(500))
            .link(new LinkSpec("out", LinkShape.DISTRIBUTE).bind("tcp://127.0.0.1:*").port(16, MESSAGE_LENGTH)
                .limits(new LinkLimits(200, 1_000, 100, 400, 10)))
            .build()).start();
        final ZmqLink link = (ZmqLink)ringway.link("out");
        final int count = 40_000; // 40 MB: more than loopback's socket buffers can hold
        final PyzmqPeer peer = closeLater(
            PyzmqPeer.start("pull-in-order", endpointOf(ringway, "out"), Integer.toString(count)));
        assertEquals("ready", peer.nextLine());
        Await.until(() -> link.handshakes() == 1, () -> "handshakes " + link.handshakes());
        peer.signal("STOP");

        // The hung peer stops reading: its queues and socket buffers fill, then the link's port does.
        int sent = 0;
        long result = 0;
        while (sent < count && result >= 0)
        {
            final UnsafeBuffer message = numbered(sent);
            final long deadlineNs = System.nanoTime() + 1_000_000_000L;
            while ((result = ringway.actor("out").offer(message, 0, MESSAGE_LENGTH)) < 0
                && System.nanoTime() < deadlineNs)
            {
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
            if (result >= 0)
            {
                sent++;
            }
        }
        assertTrue(sent < count, "the port refuses with BACK_PRESSURED once everything behind it is full");
        assertTrue(ringway.linkCounters("out").get(CounterType.BACK_PRESSURED) > 0);
        assertEquals(0, link.disconnects(), "an outbound-only link does not ping, so no heartbeat drops the peer");

        peer.signal("CONT");
        for (int i = sent; i < count; i++)
        {
            final UnsafeBuffer message = numbered(i);
            Await.until(() -> ringway.actor("out").offer(message, 0, MESSAGE_LENGTH) >= 0, () -> "port took more");
        }
        assertEquals("ok " + count, peer.nextLine(), "nothing lost, nothing out of order");
        assertEquals(0, peer.exitCode());
    }

    private static final int MESSAGE_LENGTH = 1_000;

    /** A message {@code "m<i> "} padded to {@link #MESSAGE_LENGTH} bytes. */
    private static UnsafeBuffer numbered(final int i)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MESSAGE_LENGTH]);
        buffer.setMemory(0, MESSAGE_LENGTH, (byte)'.');
        buffer.putStringWithoutLengthAscii(0, "m" + i + " ");
        return buffer;
    }

    @Test
    void shouldResumeWithARestartedPeerLosingNothingSentWhileItWasAway()
    {
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .drainTimeout(Duration.ofMillis(500))
            .link(new LinkSpec("out", LinkShape.DISTRIBUTE).bind("tcp://127.0.0.1:*").port(64, 64))
            .build()).start();
        final ZmqLink link = (ZmqLink)ringway.link("out");
        final String endpoint = endpointOf(ringway, "out");
        try (PyzmqPeer first = PyzmqPeer.start("pull", endpoint, "1"))
        {
            assertEquals("ready", first.nextLine());
            send(ringway, "m0");
            assertEquals("m0", first.nextLine());
            assertEquals(0, first.exitCode());
        }
        Await.until(() -> link.disconnects() == 1, () -> "disconnects " + link.disconnects());

        // No peer: IMMEDIATE keeps these out of JeroMQ's pipes, in the link's port, where nothing is lost.
        send(ringway, "m1");
        send(ringway, "m2");
        send(ringway, "m3");
        final PyzmqPeer second = closeLater(PyzmqPeer.start("pull", endpoint, "3"));
        assertEquals("ready", second.nextLine());
        assertEquals("m1", second.nextLine());
        assertEquals("m2", second.nextLine());
        assertEquals("m3", second.nextLine());
        assertEquals(0, second.exitCode());
        assertEquals(4, ringway.linkCounters("out").get(CounterType.SENT));
        assertEquals(0, ringway.linkCounters("out").get(CounterType.DROPPED));
    }

    @Test
    void shouldReturnFileDescriptorsAfterManyConnectionsComeAndGo() throws Exception
    {
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("sink", context -> (buffer, offset, length, header) -> { })
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("tcp://127.0.0.1:*").deliverTo("sink"))
            .build()).start();
        final ZmqLink link = (ZmqLink)ringway.link("in");
        final int port = link.endpoints().get(0).endpoint().port();
        final long before = openFileDescriptors();
        final int connections = 300;
        for (int i = 0; i < connections; i++)
        {
            new RawZmtpPeer(port).close();
        }
        Await.until(() -> link.disconnects() == connections, () -> "disconnects " + link.disconnects());
        Await.until(() -> openFileDescriptors() <= before + 4,
            () -> "file descriptors: " + before + " before, " + openFileDescriptors() + " after");
    }

    private static long openFileDescriptors() throws java.io.UncheckedIOException
    {
        try (java.util.stream.Stream<Path> fds = java.nio.file.Files.list(Path.of("/proc/self/fd")))
        {
            return fds.count();
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
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
