package io.ringway.transport;

import io.ringway.patterns.Topology;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutPublisher;
import io.ringway.patterns.pair.PairEnd;
import io.ringway.patterns.roundrobin.RoundRobinSender;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.SendResult;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators declared in the topology DSL with local and remote members mixed, remote members on several
 * endpoints at once (tcp and ipc), between two runtimes and a libzmq peer.
 */
class TopologyLinkTest
{
    @TempDir
    Path directoryA;
    @TempDir
    Path directoryB;

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

    private static String ipcName()
    {
        return "ipc://" + IpcNames.freeName("ringway-topology-");
    }

    private static String endpoint(final Ringway ringway, final String link, final int index)
    {
        return ((ZmqLink)ringway.link(link)).endpoints().get(index).endpoint().toString();
    }

    @Test
    void shouldFanOutToLocalRemoteRingwayAndLibzmqSubscribersAtOnce()
    {
        final List<String> localAll = Recorder.newLog();
        final String ipc = ipcName();
        final Ringway a = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryA))
            .actor("feed", Feed::new)
            .actor("all", context -> new Recorder(localAll))
            .fanOut("prices", fanOut -> fanOut
                .publisher("feed")
                .subscriber("all", Delivery.LOSSLESS, "")
                .remoteSubscribers(Delivery.LOSSLESS, bind("tcp://127.0.0.1:*"), bind(ipc)))
            .build()).start();

        final List<String> remoteEur = Recorder.newLog();
        closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryB))
            .actor("eur", context -> new Recorder(remoteEur))
            .fanOut("prices", fanOut -> fanOut
                .remotePublishers(connect(ipc))
                .subscriber("eur", Delivery.LOSSLESS, "EUR"))
            .build()).start();
        final PyzmqPeer libzmq = closeLater(PyzmqPeer.start("sub", endpoint(a, "prices~remote-subscribers", 0), "GBP", "1"));
        assertEquals("ready", libzmq.nextLine());

        final ZmqLink out = (ZmqLink)a.link("prices~remote-subscribers");
        Await.until(() -> out.subscriptions() == 2, () -> "distinct subscriptions seen: " + out.subscriptions());
        send(a, "feed", "EURUSD 1.1");
        send(a, "feed", "GBPUSD 1.3");
        send(a, "feed", "EURGBP 0.9");

        Await.until(() -> localAll.size() == 3 && remoteEur.size() == 2, () -> localAll + " " + remoteEur);
        assertEquals(List.of("EURUSD|1.1", "GBPUSD|1.3", "EURGBP|0.9"), localAll);
        assertEquals(List.of("EURUSD|1.1", "EURGBP|0.9"), remoteEur);
        assertEquals("GBPUSD|1.3", libzmq.nextLine());
        assertEquals(0, libzmq.exitCode());
    }

    @Test
    void shouldRotateBetweenALocalWorkerAndRemoteWorkers()
    {
        final List<String> local = Recorder.newLog();
        final Ringway a = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryA))
            .actor("router", Router::new)
            .actor("w1", context -> new Recorder(local))
            .roundRobin("jobs", rr -> rr.senders("router").workers("w1").remoteWorkers(bind("tcp://127.0.0.1:*")))
            .build()).start();
        final List<String> r1 = Recorder.newLog();
        final List<String> r2 = Recorder.newLog();
        final String workersEndpoint = endpoint(a, "jobs~workers", 0);
        closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryB))
            .actor("r1", context -> new Recorder(r1))
            .actor("r2", context -> new Recorder(r2))
            .roundRobin("jobs", rr -> rr.remoteSenders(connect(workersEndpoint)).workers("r1", "r2"))
            .build()).start();
        final ZmqLink out = (ZmqLink)a.link("jobs~workers");
        Await.until(() -> out.handshakes() == 2, () -> "handshakes: " + out.handshakes());

        for (int i = 0; i < 100; i++)
        {
            send(a, "router", "job-" + i);
        }
        Await.until(() -> local.size() + r1.size() + r2.size() == 100, () -> local.size() + r1.size() + r2.size() + "");
        assertEquals(50, local.size(), "the remote workers are one turn of the rotation");
        assertEquals(25, r1.size(), "ZeroMQ's PUSH rotates among the remote workers");
        assertEquals(25, r2.size());
        assertEquals("job-0", local.get(0));
    }

    @Test
    void shouldFeedLocalWorkersFromALibzmqPush()
    {
        final PyzmqPeer pusher = closeLater(PyzmqPeer.start("push-bind", "2", "100"));
        final String endpoint = pusher.nextLine();
        final List<String> w1 = Recorder.newLog();
        final List<String> w2 = Recorder.newLog();
        closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryA))
            .actor("w1", context -> new Recorder(w1))
            .actor("w2", context -> new Recorder(w2))
            .roundRobin("jobs", rr -> rr.remoteSenders(connect(endpoint)).workers("w1", "w2"))
            .build()).start();
        assertEquals("sent", pusher.nextLine());
        Await.until(() -> w1.size() + w2.size() == 100, () -> w1.size() + " + " + w2.size());
        assertEquals(50, w1.size(), "libzmq's PUSH rotates between the two workers' links");
        assertEquals(50, w2.size());
        assertEquals(0, pusher.exitCode());
    }

    @Test
    void shouldPairALocalEndWithARemoteOne()
    {
        final List<String> atA = Recorder.newLog();
        final Ringway a = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryA).drainTimeout(Duration.ofSeconds(1)))
            .actor("a", context -> new PairRecorder(atA, context))
            .pair("hedge", pair -> pair.ends("a").remoteEnd(bind("tcp://127.0.0.1:*")))
            .build()).start();
        final List<String> atB = Recorder.newLog();
        final Ringway b = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryB).drainTimeout(Duration.ofSeconds(1)))
            .actor("b", context -> new PairRecorder(atB, context))
            .pair("hedge", pair -> pair.ends("b").remoteEnd(connect(endpoint(a, "hedge~remote", 0))))
            .build()).start();

        send(a, "a", "hello");
        Await.until(() -> atB.size() == 1, () -> "b: " + atB);
        send(b, "b", "world");
        Await.until(() -> atA.size() == 1, () -> "a: " + atA);
        assertEquals(List.of("peer:hello"), atB);
        assertEquals(List.of("peer:world"), atA);
    }

    /** Offers text to an actor from outside, retrying while back-pressured. */
    static void send(final Ringway ringway, final String actor, final String text)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final int length = buffer.putStringWithoutLengthAscii(0, text);
        Await.until(() -> ringway.actor(actor).offer(buffer, 0, length) >= 0, () -> actor + " took " + text);
    }

    /** Publishes {@code "TOPIC body"} as {@code [TOPIC][body]}. */
    static final class Feed implements Actor
    {
        private final FanOutPublisher prices;

        Feed(final ActorContext context)
        {
            prices = context.attachment("prices", FanOutPublisher.class);
        }

        @Override
        public void onMessage(final org.agrona.DirectBuffer buffer, final int offset, final int length,
            final io.ringway.runtime.ring.Header header)
        {
            final int space = 6;
            assertTrue(prices.publish(buffer, offset, space, buffer, offset + space + 1, length - space - 1) >= 0);
        }
    }

    /** Hands each message to the round-robin. */
    static final class Router implements Actor
    {
        private final RoundRobinSender jobs;

        Router(final ActorContext context)
        {
            jobs = context.attachment("jobs", RoundRobinSender.class);
        }

        @Override
        public void onMessage(final org.agrona.DirectBuffer buffer, final int offset, final int length,
            final io.ringway.runtime.ring.Header header)
        {
            final long result = jobs.offer(buffer, offset, length);
            if (result < 0)
            {
                throw new IllegalStateException("round-robin refused: " + SendResult.describe(result));
            }
        }
    }

    /** Sends what it gets from outside to its pair's peer; records what the peer sends as {@code peer:<text>}. */
    static final class PairRecorder implements Actor
    {
        private final List<String> received;
        private final PairEnd hedge;

        PairRecorder(final List<String> received, final ActorContext context)
        {
            this.received = received;
            this.hedge = context.attachment("hedge", PairEnd.class);
        }

        @Override
        public void onMessage(final org.agrona.DirectBuffer buffer, final int offset, final int length,
            final io.ringway.runtime.ring.Header header)
        {
            if (hedge.isFromPeer(header))
            {
                received.add("peer:" + buffer.getStringWithoutLengthAscii(offset, length));
            }
            else
            {
                assertTrue(hedge.offer(buffer, offset, length) >= 0);
            }
        }
    }

}
