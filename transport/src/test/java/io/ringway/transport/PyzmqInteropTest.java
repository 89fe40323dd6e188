package io.ringway.transport;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.ring.ReadMode;
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
import static io.ringway.transport.RingwayLinkTest.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ringway against a real libzmq 4.3 (Debian's python3-zmq in a child process) over tcp on 127.0.0.1.
 */
class PyzmqInteropTest
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

    private PyzmqPeer peer(final String... args)
    {
        return closeLater(PyzmqPeer.start(args));
    }

    @Test
    void shouldDeliverFanOutToAPyzmqSubscriberFilteredByPrefix()
    {
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .sharedRing("prices", ring -> ring.reader("wire", ReadMode.LOSSLESS))
            .link(new LinkSpec("out", LinkShape.PUBLISH).bind("tcp://127.0.0.1:*").readFrom("prices", "wire"))
            .build()).start();
        final PyzmqPeer subscriber = peer("sub", endpointOf(ringway, "out"), "EUR", "2");
        assertEquals("ready", subscriber.nextLine());
        final ZmqLink out = (ZmqLink)ringway.link("out");
        Await.until(() -> out.subscriptions() == 1, () -> "subscriptions seen: " + out.subscriptions());

        publish(ringway, "EURUSD", "1.1");
        publish(ringway, "GBPUSD", "1.3");
        publish(ringway, "EURGBP", "0.9");

        assertEquals("EURUSD|1.1", subscriber.nextLine());
        assertEquals("EURGBP|0.9", subscriber.nextLine());
        assertEquals(0, subscriber.exitCode());
        assertEquals(3, ringway.linkCounters("out").get(CounterType.SENT), "libzmq's PUB side filters, after us");
    }

    @Test
    void shouldDeliverOneAndTwoFrameMessagesFromAPyzmqPublisherToAnActor()
    {
        final PyzmqPeer publisher = peer("pub-bind");
        final String endpoint = publisher.nextLine();
        final List<String> received = Recorder.newLog();
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("quotes", context -> new Recorder(received))
            .link(new LinkSpec("in", LinkShape.SUBSCRIBE).connect(endpoint).deliverTo("quotes").subscribe("EUR"))
            .build()).start();
        assertEquals("subscribed:EUR", publisher.nextLine());
        assertEquals("sent", publisher.nextLine());

        Await.until(() -> received.size() == 3, () -> "received " + received);
        assertEquals(List.of("EURUSD 1.1", "EURGBP|0.9", "EURCHF 0.95"), received,
            "one frame is the body, two are [topic][body]; the PUB filtered GBP");
        assertEquals(0, publisher.exitCode());
        // The link's thread counts a batch after delivering it: wait for the counters rather than read them once.
        Await.until(() -> ringway.linkCounters("in").get(CounterType.RECEIVED) == 3,
            () -> "received counted: " + ringway.linkCounters("in").get(CounterType.RECEIVED));
        assertEquals(1, ringway.linkCounters("in").get(CounterType.ERRORS), "three frames refused, as before");
    }

    @Test
    void shouldTakeRoundRobinWorkFromAPyzmqPush()
    {
        final List<String> received = Recorder.newLog();
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("worker", context -> new Recorder(received))
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("tcp://127.0.0.1:*").deliverTo("worker"))
            .build()).start();
        final int count = 1000;
        final PyzmqPeer pusher = peer("push", endpointOf(ringway, "in"), Integer.toString(count));
        assertEquals("sent", pusher.nextLine());
        Await.until(() -> received.size() == count, () -> received.size() + " of " + count);
        for (int i = 0; i < count; i++)
        {
            assertEquals("job-" + i, received.get(i));
        }
        assertEquals(0, pusher.exitCode());
        assertEquals(count, ringway.linkCounters("in").get(CounterType.RECEIVED));
    }

    @Test
    void shouldAnswerAPyzmqPairThatConnects()
    {
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("echo", context -> echoTo(context.lookup("peer"), context))
            .link(new LinkSpec("peer", LinkShape.EXCLUSIVE).bind("tcp://127.0.0.1:*").port(16, 64).deliverTo("echo"))
            .build()).start();
        final PyzmqPeer pair = peer("pair-connect", endpointOf(ringway, "peer"));
        assertEquals("echo:ping", pair.nextLine());
        assertEquals(0, pair.exitCode());
    }

    @Test
    void shouldConnectToAPyzmqPairThatBinds()
    {
        final PyzmqPeer pair = peer("pair-bind");
        final String endpoint = pair.nextLine();
        final Ringway ringway = closeLater(Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .drainTimeout(Duration.ofSeconds(1))
            .actor("echo", context -> echoTo(context.lookup("peer"), context))
            .link(new LinkSpec("peer", LinkShape.EXCLUSIVE).connect(endpoint).port(16, 64).deliverTo("echo"))
            .build()).start();
        assertEquals("echo:hello", pair.nextLine());
        assertEquals(0, pair.exitCode());
        assertEquals(1, ringway.linkCounters("peer").get(CounterType.RECEIVED));
        assertEquals(1, ringway.linkCounters("peer").get(CounterType.SENT));
    }

    /** Sends {@code echo:<message>} to the link's port. */
    private static Actor echoTo(final io.ringway.runtime.actor.ActorRef port, final io.ringway.runtime.actor.ActorContext context)
    {
        final UnsafeBuffer reply = new UnsafeBuffer(new byte[64]);
        return (buffer, offset, length, header) ->
        {
            final int prefix = reply.putStringWithoutLengthAscii(0, "echo:");
            reply.putBytes(prefix, buffer, offset, length);
            context.send(port, reply, 0, prefix + length);
        };
    }
}
