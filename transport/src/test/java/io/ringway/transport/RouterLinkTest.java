package io.ringway.transport;

import io.ringway.patterns.Topology;
import io.ringway.patterns.router.Dealer;
import io.ringway.patterns.router.Router;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Router/dealer over the wire: a Ringway router with remote plain DEALERs (JeroMQ and libzmq) known by their
 * routing ids, a message to an unknown identity refused and counted, a dealer that leaves becoming unknown, and
 * Ringway dealers reaching a remote ROUTER.
 */
class RouterLinkTest
{
    private static final int RECEIVE_TIMEOUT_MS = 10_000;

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

    private Ringway routerWithRemoteDealers(final List<String> log)
    {
        return closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryA).drainTimeout(Duration.ofSeconds(1)))
            .actor("sor", context -> new Sor(log, context))
            .router("venues", r -> r.router("sor").remoteDealers(bind("tcp://127.0.0.1:*")))
            .build()).start();
    }

    private static String endpoint(final Ringway ringway, final String link)
    {
        return ((ZmqLink)ringway.link(link)).endpoints().get(0).endpoint().toString();
    }

    /** A plain JeroMQ DEALER on the router's link, once the link has seen its handshake; lingers 0. */
    private static ZMQ.Socket jeromqDealer(final ZContext context, final String routingId, final Ringway ringway)
    {
        final ZMQ.Socket dealer = JeromqDealers.connected(
            context, (ZmqLink)ringway.link("venues~dealers"), routingId, RECEIVE_TIMEOUT_MS);
        dealer.setLinger(0);
        return dealer;
    }

    @Test
    void shouldRouteByRoutingIdBothWaysWithJeromqDealers()
    {
        final List<String> log = Recorder.newLog();
        final Ringway ringway = routerWithRemoteDealers(log);
        final ZContext context = closeLater(new ZContext());
        final ZMQ.Socket a = jeromqDealer(context, "A", ringway);
        final ZMQ.Socket b = jeromqDealer(context, "B", ringway);

        assertTrue(a.send("order-1"));
        assertTrue(b.send("order-2"));
        assertEquals("re:order-1", a.recvStr(), "each reply goes to the dealer that sent");
        assertEquals("re:order-2", b.recvStr());

        command(ringway, "to B cancel");
        assertEquals("cancel", b.recvStr(), "the router addresses a remote dealer by its routing id");
        // the actor logs the offer's result after the offer: B can have the message first
        Await.until(() -> log.contains("to B: sent"), log::toString);
        assertTrue(log.containsAll(List.of("A:order-1", "B:order-2")), log.toString());
        a.setReceiveTimeOut(0);
        assertNull(a.recvStr(), "nothing else went to A");
    }

    @Test
    void shouldRefuseAndCountAnUnknownRoutingId()
    {
        final List<String> log = Recorder.newLog();
        final Ringway ringway = routerWithRemoteDealers(log);
        final ZContext context = closeLater(new ZContext());
        final ZMQ.Socket a = jeromqDealer(context, "A", ringway);
        assertTrue(a.send("hello"));
        assertEquals("re:hello", a.recvStr());

        command(ringway, "to nobody ping");
        Await.until(() -> log.contains("to nobody: UNROUTABLE"), log::toString);
        assertEquals(1, CounterValues.read(ringway, "actor sor.venues: unroutable"), "the refusal is counted");
    }

    @Test
    void shouldForgetADealerThatLeaves()
    {
        final List<String> log = Recorder.newLog();
        final Ringway ringway = routerWithRemoteDealers(log);
        final ZContext context = closeLater(new ZContext());
        final ZMQ.Socket a = jeromqDealer(context, "A", ringway);
        assertTrue(a.send("hello"));
        assertEquals("re:hello", a.recvStr());
        command(ringway, "to A still-there");
        assertEquals("still-there", a.recvStr());

        context.destroySocket(a);
        awaitRemoteDealers(ringway, log, 0, log::toString);
        command(ringway, "to A gone");
        Await.until(() -> log.contains("to A: UNROUTABLE"), log::toString);
        assertEquals(1, CounterValues.read(ringway, "actor sor.venues: unroutable"));
    }

    @Test
    void shouldRouteToAPyzmqDealerByItsRoutingId()
    {
        final List<String> log = Recorder.newLog();
        final Ringway ringway = routerWithRemoteDealers(log);
        final PyzmqPeer dealer = closeLater(
            PyzmqPeer.start("routed-dealer", endpoint(ringway, "venues~dealers"), "venue-7", "3"));
        for (int i = 0; i < 3; i++)
        {
            assertEquals("re:venue-7-" + i, dealer.nextLine());
        }
        assertEquals("ok 3", dealer.nextLine());
        assertEquals(0, dealer.exitCode());
        assertTrue(log.containsAll(List.of("venue-7:venue-7-0", "venue-7:venue-7-1", "venue-7:venue-7-2")),
            log.toString());
        awaitRemoteDealers(ringway, log, 0, () -> "the libzmq dealer exited: " + log);
    }

    @Test
    void shouldLetRingwayDealersReachARemoteRouter()
    {
        final ZContext context = closeLater(new ZContext());
        final ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        router.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        router.setRouterMandatory(true);
        final int port = router.bindToRandomPort("tcp://127.0.0.1");
        final List<String> d1 = Recorder.newLog();
        final List<String> d2 = Recorder.newLog();
        final Ringway ringway = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryB).drainTimeout(Duration.ofSeconds(1)))
            .actor("d1", actor -> new Venue(d1, actor))
            .actor("d2", actor -> new Venue(d2, actor))
            .router("venues", r -> r.dealers("d1", "d2").remoteRouter(connect("tcp://127.0.0.1:" + port)))
            .build()).start();

        command(ringway, "d1", "fill-1");
        command(ringway, "d2", "fill-2");
        final List<String> atRouter = new ArrayList<>();
        for (int i = 0; i < 2; i++)
        {
            final String id = router.recvStr();
            atRouter.add(id + ":" + router.recvStr());
        }
        assertTrue(atRouter.containsAll(List.of("d1:fill-1", "d2:fill-2")), "each dealer's actor name is its routing "
            + "id: " + atRouter);

        assertTrue(router.sendMore("d2"));
        assertTrue(router.send("ack-2"));
        Await.until(() -> d2.contains("router:ack-2"), d2::toString);
        assertEquals(List.of(), d1, "the ROUTER reached d2 only");
    }

    @Test
    void shouldRouteBetweenTwoRingwaysByDealerName()
    {
        final List<String> log = Recorder.newLog();
        final Ringway a = routerWithRemoteDealers(log);
        final List<String> d1 = Recorder.newLog();
        final List<String> d2 = Recorder.newLog();
        final Ringway b = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryB).drainTimeout(Duration.ofSeconds(1)))
            .actor("d1", actor -> new Venue(d1, actor))
            .actor("d2", actor -> new Venue(d2, actor))
            .router("venues", r -> r.dealers("d1", "d2").remoteRouter(connect(endpoint(a, "venues~dealers"))))
            .build()).start();

        command(b, "d1", "x");
        command(b, "d2", "y");
        Await.until(() -> d1.contains("router:re:x") && d2.contains("router:re:y"), () -> d1 + " " + d2);
        command(a, "to d2 z");
        Await.until(() -> d2.contains("router:z"), d2::toString);
        assertEquals(List.of("router:re:x"), d1);
        assertTrue(log.containsAll(List.of("d1:x", "d2:y")), log.toString());
    }

    /** Asks the router how many remote dealers it knows, one question at a time, until it says {@code expected}. */
    private static void awaitRemoteDealers(
        final Ringway ringway, final List<String> log, final int expected, final Supplier<String> what)
    {
        final String answer = "count " + expected;
        Await.until(() ->
        {
            final int before = log.size();
            command(ringway, "count");
            Await.until(() -> log.size() > before, what);
            return log.get(log.size() - 1).equals(answer);
        }, what);
    }

    private static void command(final Ringway ringway, final String text)
    {
        command(ringway, "sor", text);
    }

    /** Offers text to an actor from outside, retrying while back-pressured. */
    private static void command(final Ringway ringway, final String actor, final String text)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final int length = buffer.putStringWithoutLengthAscii(0, text);
        Await.until(() -> ringway.actor(actor).offer(buffer, 0, length) >= 0, () -> actor + " took " + text);
    }

    /**
     * A router that answers each dealer's message with {@code re:<body>}, records it as {@code <routing id>:<body>},
     * and on commands from outside sends {@code to <routing id> <text>} or records {@code count <remote dealers>}.
     */
    static final class Sor implements Actor
    {
        private final List<String> log;
        private final Router venues;
        private final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);

        Sor(final List<String> log, final ActorContext context)
        {
            this.log = log;
            this.venues = context.attachment("venues", Router.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            final String text = buffer.getStringWithoutLengthAscii(offset, length);
            final int identity = venues.identityOf(header);
            if (Router.NO_IDENTITY != identity)
            {
                log.add(venues.routingId(identity) + ":" + text);
                final int replyLength = out.putStringWithoutLengthAscii(0, "re:" + text);
                assertTrue(venues.offer(identity, out, 0, replyLength) >= 0);
            }
            else if (text.equals("count"))
            {
                log.add("count " + venues.remoteDealerCount());
            }
            else
            {
                final String[] words = text.split(" ");
                final int bodyLength = out.putStringWithoutLengthAscii(0, words[2]);
                final long result = venues.offer(venues.remoteIdentity(words[1]), out, 0, bodyLength);
                log.add("to " + words[1] + ": " + (result >= 0 ? "sent" : SendResult.describe(result)));
            }
        }
    }

    /** A dealer that sends what it gets from outside to the router and records what the router sends. */
    static final class Venue implements Actor
    {
        private final List<String> log;
        private final Dealer venues;

        Venue(final List<String> log, final ActorContext context)
        {
            this.log = log;
            this.venues = context.attachment("venues", Dealer.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (venues.isFromRouter(header))
            {
                log.add("router:" + buffer.getStringWithoutLengthAscii(offset, length));
            }
            else
            {
                assertTrue(venues.offer(buffer, offset, length) >= 0);
            }
        }
    }
}
