package io.ringway.transport;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.ReadMode;
import io.ringway.runtime.ring.RingReader;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two runtimes in one JVM, linked over {@code tcp://} and over {@code ipc://} (which JeroMQ 0.6.0 carries over
 * loopback TCP): round-robin, fan-out with prefix filtering, and an exclusive pair both ways.
 */
class RingwayLinkTest
{
    @TempDir
    Path directoryA;
    @TempDir
    Path directoryB;

    private final List<Ringway> runtimes = new ArrayList<>();

    @AfterEach
    void closeRuntimes()
    {
        for (final Ringway ringway : runtimes)
        {
            ringway.close();
        }
    }

    private Ringway started(final Ringway ringway)
    {
        runtimes.add(ringway);
        return ringway.start();
    }

    static String bindEndpoint(final String scheme)
    {
        return "tcp".equals(scheme) ? "tcp://127.0.0.1:*" :
            "ipc://" + IpcNames.freeName("ringway-test-");
    }

    static String endpointOf(final Ringway ringway, final String linkName)
    {
        return ((ZmqLink)ringway.link(linkName)).endpoints().get(0).endpoint().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "ipc" })
    void shouldCarryRoundRobinFromAPortToARemoteCollector(final String scheme)
    {
        final Ringway sender = started(Ringway.builder()
            .runtimeDirectory(directoryA)
            .drainTimeout(Duration.ofMillis(200))
            .link(new LinkSpec("jobs", LinkShape.DISTRIBUTE).bind(bindEndpoint(scheme)).port(64, 256))
            .build());
        final List<String> received = Recorder.newLog();
        final Ringway worker = started(Ringway.builder()
            .runtimeDirectory(directoryB)
            .actor("worker", context -> new Recorder(received))
            .link(new LinkSpec("in", LinkShape.COLLECT).connect(endpointOf(sender, "jobs")).deliverTo("worker"))
            .build());

        final int count = 500;
        final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
        for (int i = 0; i < count; i++)
        {
            final int length = message.putStringWithoutLengthAscii(0, "job-" + i);
            final int index = i;
            Await.until(() -> sender.actor("jobs").offer(message, 0, length) >= 0, () -> "port took job " + index);
        }
        Await.until(() -> received.size() == count, () -> received.size() + " of " + count + " received");
        for (int i = 0; i < count; i++)
        {
            assertEquals("job-" + i, received.get(i));
        }
        assertEquals(count, sender.linkCounters("jobs").get(CounterType.SENT));
        assertEquals(count, worker.linkCounters("in").get(CounterType.RECEIVED));
        assertEquals(0, worker.linkCounters("in").get(CounterType.DROPPED));
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "ipc" })
    void shouldCarryFanOutTopicsToARemoteRingFilteredByPrefix(final String scheme)
    {
        final Ringway publisher = started(Ringway.builder()
            .runtimeDirectory(directoryA)
            .sharedRing("prices", ring -> ring.reader("wire", ReadMode.LOSSLESS))
            .link(new LinkSpec("out", LinkShape.PUBLISH).bind(bindEndpoint(scheme)).readFrom("prices", "wire"))
            .build());
        final Ringway subscriber = started(Ringway.builder()
            .runtimeDirectory(directoryB)
            .sharedRing("prices", ring -> ring.reader("local", ReadMode.LOSSLESS))
            .link(new LinkSpec("in", LinkShape.SUBSCRIBE).connect(endpointOf(publisher, "out"))
                .deliverToRing("prices").subscribe("EUR"))
            .build());
        final ZmqLink out = (ZmqLink)publisher.link("out");
        Await.until(() -> out.subscriptions() == 1, () -> "subscriptions seen: " + out.subscriptions());

        publish(publisher, "EURUSD", "1.1");
        publish(publisher, "GBPUSD", "1.3");
        publish(publisher, "EURGBP", "0.9");

        final RingReader local = subscriber.sharedRing("prices").reader("local");
        final List<String> received = new ArrayList<>();
        Await.until(() ->
        {
            local.poll((slot, sequence, end) -> received.add(text(slot)), 16);
            return received.size() >= 2;
        }, () -> "received " + received);
        assertEquals(List.of("EURUSD|1.1", "EURGBP|0.9"), received);
        assertEquals(3, publisher.linkCounters("out").get(CounterType.SENT));
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "ipc" })
    void shouldDeliverSubscribedTopicsToAnActorWithTheTopicKept(final String scheme)
    {
        final Ringway publisher = started(Ringway.builder()
            .runtimeDirectory(directoryA)
            .sharedRing("prices", ring -> ring.reader("wire", ReadMode.LOSSLESS))
            .link(new LinkSpec("out", LinkShape.PUBLISH).bind(bindEndpoint(scheme)).readFrom("prices", "wire"))
            .build());
        final List<String> received = Recorder.newLog();
        final Ringway subscriber = started(Ringway.builder()
            .runtimeDirectory(directoryB)
            .actor("quotes", context -> new Recorder(received))
            .link(new LinkSpec("in", LinkShape.SUBSCRIBE).connect(endpointOf(publisher, "out"))
                .deliverTo("quotes").subscribe("EUR"))
            .build());
        final ZmqLink out = (ZmqLink)publisher.link("out");
        Await.until(() -> out.subscriptions() == 1, () -> "subscriptions seen: " + out.subscriptions());

        publish(publisher, "GBPUSD", "1.3");
        publish(publisher, "EURUSD", "1.1");
        publish(publisher, "EURGBP", "0.9");

        Await.until(() -> received.size() == 2, () -> "received " + received);
        assertEquals(List.of("EURUSD|1.1", "EURGBP|0.9"), received);
        Await.until(() -> subscriber.linkCounters("in").get(CounterType.RECEIVED) == 2,
            () -> "received counted: " + subscriber.linkCounters("in").get(CounterType.RECEIVED));
        assertEquals(0, subscriber.linkCounters("in").get(CounterType.ERRORS));
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "ipc" })
    void shouldCarryAnExclusivePairBothWays(final String scheme)
    {
        final List<String> atA = Recorder.newLog();
        final List<String> atB = Recorder.newLog();
        final Ringway a = started(Ringway.builder()
            .runtimeDirectory(directoryA)
            .actor("a", context -> new Recorder(atA))
            .link(new LinkSpec("peer", LinkShape.EXCLUSIVE).bind(bindEndpoint(scheme)).port(16, 64).deliverTo("a"))
            .build());
        final Ringway b = started(Ringway.builder()
            .runtimeDirectory(directoryB)
            .actor("b", context -> new Recorder(atB))
            .link(new LinkSpec("peer", LinkShape.EXCLUSIVE).connect(endpointOf(a, "peer")).port(16, 64).deliverTo("b"))
            .build());

        final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
        final int hello = message.putStringWithoutLengthAscii(0, "hello");
        assertTrue(a.actor("peer").offer(message, 0, hello) >= 0);
        Await.until(() -> atB.size() == 1, () -> "b got " + atB + "; a's link " + describe(a.link("peer"))
            + ", b's link " + describe(b.link("peer")));
        final int world = message.putStringWithoutLengthAscii(0, "world");
        assertTrue(b.actor("peer").offer(message, 0, world) >= 0);
        Await.until(() -> atA.size() == 1, () -> "a got " + atA);
        assertEquals(List.of("hello"), atB);
        assertEquals(List.of("world"), atA);
    }

    @org.junit.jupiter.api.Test
    void shouldServeIpcAsLoopbackTcpAtAPortHashedFromTheName() throws Exception
    {
        final String name = IpcNames.freeName("ringway-hash-");
        final List<String> received = Recorder.newLog();
        started(Ringway.builder()
            .runtimeDirectory(directoryA)
            .actor("worker", context -> new Recorder(received))
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("ipc://" + name).deliverTo("worker"))
            .build());
        // JeroMQ 0.6.0: ipc://name is tcp://127.0.0.1:(10000 + |hash(name)| mod 55536), so a libzmq peer, whose
        // ipc:// is a Unix-domain socket, can never reach it, while a plain TCP client on that port can.
        final int port = IpcNames.port(name);
        try (RawZmtpPeer peer = new RawZmtpPeer(port))
        {
            peer.greet("PUSH").frame("over loopback tcp".getBytes(StandardCharsets.US_ASCII));
            Await.until(() -> received.size() == 1, () -> "received " + received);
        }
        assertEquals(List.of("over loopback tcp"), received);
    }

    static void publish(final Ringway ringway, final String topic, final String body)
    {
        final byte[] bytes = (topic + body).getBytes(StandardCharsets.US_ASCII);
        final SlotClaim claim = new SlotClaim();
        Await.until(() -> ringway.sharedRing("prices").tryClaim(MessageSlot.NO_SENDER, bytes.length, claim) >= 0,
            () -> "ring took " + topic);
        claim.buffer().putBytes(0, bytes);
        claim.topicLength(topic.length());
        claim.commit();
    }

    static String text(final MessageSlot slot)
    {
        final int topicLength = slot.topicLength();
        return slot.buffer().getStringWithoutLengthAscii(0, topicLength) + "|"
            + slot.buffer().getStringWithoutLengthAscii(topicLength, slot.length() - topicLength);
    }

    static boolean isSuccess(final long result)
    {
        return SendResult.isSuccess(result);
    }

    private static String describe(final io.ringway.runtime.endpoint.Link link)
    {
        final ZmqLink zmq = (ZmqLink)link;
        return "connections " + zmq.connections() + " handshakes " + zmq.handshakes() + " disconnects "
            + zmq.disconnects() + " unsent " + zmq.unsent();
    }
}
