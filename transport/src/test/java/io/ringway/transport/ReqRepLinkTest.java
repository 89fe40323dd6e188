package io.ringway.transport;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.patterns.reqrep.Requester;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Correlate-reply over the wire, RFC 28: a Ringway replier serving libzmq REQ and DEALER clients, a Ringway
 * requester calling a libzmq REP server, a server that is not there, and Ringway to Ringway.
 */
class ReqRepLinkTest
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

    private Ringway server(final Path directory)
    {
        return closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directory).drainTimeout(Duration.ofSeconds(1)))
            .actor("server", Echo::new)
            .requestReply("rpc", rr -> rr.replier("server").remoteRequesters(bind("tcp://127.0.0.1:*"))
                .timeout(Duration.ofSeconds(1)))
            .build()).start();
    }

    private static String endpoint(final Ringway ringway, final String link)
    {
        return ((ZmqLink)ringway.link(link)).endpoints().get(0).endpoint().toString();
    }

    @Test
    void shouldServeAPyzmqReqClient()
    {
        final Ringway ringway = server(directoryA);
        final PyzmqPeer client = closeLater(PyzmqPeer.start("req", endpoint(ringway, "rpc~requesters"), "20"));
        for (int i = 0; i < 20; i++)
        {
            assertEquals("re:q-" + i, client.nextLine());
        }
        assertEquals(0, client.exitCode());
    }

    @Test
    void shouldDropAndCountASecondReplyToTheSameRequest()
    {
        final Ringway ringway = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryA).drainTimeout(Duration.ofSeconds(1)))
            .actor("server", context -> new Echo(context, 2))
            .requestReply("rpc", rr -> rr.replier("server").remoteRequesters(bind("tcp://127.0.0.1:*"))
                .timeout(Duration.ofSeconds(1)))
            .build()).start();
        final PyzmqPeer client = closeLater(PyzmqPeer.start("req", endpoint(ringway, "rpc~requesters"), "5"));
        for (int i = 0; i < 5; i++)
        {
            assertEquals("re:q-" + i, client.nextLine());
        }
        assertEquals(0, client.exitCode());
        final io.ringway.runtime.status.MessageCounters counters = ringway.linkCounters("rpc~requesters");
        Await.until(() -> counters.get(io.ringway.runtime.status.CounterType.DROPPED) == 5,
            () -> "dropped " + counters.get(io.ringway.runtime.status.CounterType.DROPPED));
        assertEquals(5, counters.get(io.ringway.runtime.status.CounterType.SENT));
    }

    @Test
    void shouldServeAPyzmqDealerWithManyRequestsInFlight()
    {
        final Ringway ringway = server(directoryA);
        final PyzmqPeer client = closeLater(PyzmqPeer.start("dealer", endpoint(ringway, "rpc~requesters"), "500"));
        assertEquals("ok 500", client.nextLine());
        assertEquals(0, client.exitCode());
    }

    @Test
    void shouldCallAPyzmqRepServer()
    {
        final PyzmqPeer server = closeLater(PyzmqPeer.start("rep-bind", "10"));
        final String endpoint = server.nextLine();
        final List<String> replies = Recorder.newLog();
        final Ringway ringway = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryA).drainTimeout(Duration.ofSeconds(1)))
            .actor("client", context -> new Caller(context, replies))
            .requestReply("rpc", rr -> rr.requesters("client").remoteRepliers(connect(endpoint))
                .timeout(Duration.ofSeconds(5)))
            .build()).start();
        for (int i = 0; i < 10; i++)
        {
            TopologyLinkTest.send(ringway, "client", "r-" + i);
        }
        Await.until(() -> replies.size() == 10, () -> "replies " + replies);
        for (int i = 0; i < 10; i++)
        {
            assertEquals("re:r-" + i, replies.get(i));
        }
        assertEquals("served 10", server.nextLine());
        assertEquals(0, server.exitCode());
    }

    @Test
    void shouldTimeOutAndRetryWithinItsBoundWhenTheServerIsGone() throws IOException
    {
        final int port;
        try (ServerSocket probe = new ServerSocket(0))
        {
            port = probe.getLocalPort(); // free now, and nobody will listen there
        }
        final List<String> replies = Recorder.newLog();
        final Ringway ringway = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryA).drainTimeout(Duration.ofMillis(200)))
            .actor("client", context -> new Caller(context, replies))
            .requestReply("rpc", rr -> rr.requesters("client").remoteRepliers(connect("tcp://127.0.0.1:" + port))
                .timeout(Duration.ofMillis(100)).retries(1))
            .build()).start();
        TopologyLinkTest.send(ringway, "client", "first");
        Await.until(() -> replies.size() == 1, () -> "replies " + replies);
        TopologyLinkTest.send(ringway, "client", "second");
        Await.until(() -> replies.size() == 2, () -> "replies " + replies);
        assertEquals(List.of("timeout", "timeout"), replies, "a clear failure for each, never a lock-up");
    }

    @Test
    void shouldRouteEachReplyToItsOwnRequesterRingwayToRingway()
    {
        final Ringway b = server(directoryB);
        final String endpoint = endpoint(b, "rpc~requesters");
        final List<String> first = Recorder.newLog();
        final List<String> second = Recorder.newLog();
        final Ringway a = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directoryA).drainTimeout(Duration.ofSeconds(1)))
            .actor("first", context -> new Caller(context, first))
            .actor("second", context -> new Caller(context, second))
            .requestReply("rpc", rr -> rr.requesters("first", "second").remoteRepliers(connect(endpoint))
                .timeout(Duration.ofSeconds(5)))
            .build()).start();
        for (int i = 0; i < 100; i++)
        {
            TopologyLinkTest.send(a, "first", "a-" + i);
            TopologyLinkTest.send(a, "second", "b-" + i);
        }
        Await.until(() -> first.size() == 100 && second.size() == 100, () -> first.size() + " " + second.size());
        for (int i = 0; i < 100; i++)
        {
            assertEquals("re:a-" + i, first.get(i));
            assertEquals("re:b-" + i, second.get(i));
        }
        assertTrue(a.linkCounters("rpc~repliers").get(io.ringway.runtime.status.CounterType.SENT) >= 200);
    }

    /** Replies {@code re:<request>}, once or more. */
    static final class Echo implements Actor
    {
        private final ActorContext context;
        private final int times;
        private final UnsafeBuffer reply = new UnsafeBuffer(new byte[256]);

        Echo(final ActorContext context)
        {
            this(context, 1);
        }

        Echo(final ActorContext context, final int times)
        {
            this.context = context;
            this.times = times;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            final int prefix = reply.putStringWithoutLengthAscii(0, "re:");
            reply.putBytes(prefix, buffer, offset, length);
            for (int i = 0; i < times; i++)
            {
                context.reply(reply, 0, prefix + length);
            }
        }
    }

    /** Turns each message from outside into a request; records each reply's text, or {@code timeout}. */
    static final class Caller implements Actor
    {
        private final Requester rpc;
        private final List<String> replies;

        Caller(final ActorContext context, final List<String> replies)
        {
            this.rpc = context.attachment("rpc", Requester.class);
            this.replies = replies;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (header.messageType() == PatternMessages.TIMEOUT)
            {
                replies.add("timeout");
            }
            else if (header.senderId() == MessageSlot.NO_SENDER)
            {
                final long result = rpc.request(buffer, offset, length);
                if (result < 0)
                {
                    replies.add("refused " + result);
                }
            }
            else
            {
                replies.add(buffer.getStringWithoutLengthAscii(offset, length));
            }
        }
    }
}
