package io.ringway.transport;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.zmq.ZmqLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link LinkShape#ROUTE} link on its own: {@code [routing id][body]} in as topic and body, out to the peer its
 * topic names, refused and counted for a peer that is not there, and a departure notice after a peer's last
 * message.
 */
class RouteLinkTest
{
    @TempDir
    Path directory;

    private final List<String> received = Recorder.newLog();
    private Ringway ringway;
    private ZContext context;

    @BeforeEach
    void start()
    {
        ringway = Ringway.builder()
            .runtimeDirectory(directory)
            .drainTimeout(Duration.ofMillis(200))
            .actor("sink", actor -> noticeRecorder(received))
            .link(new LinkSpec("r", LinkShape.ROUTE).bind("tcp://127.0.0.1:*").port(64, 256).deliverTo("sink"))
            .build()
            .start();
        context = new ZContext();
        context.setLinger(1_000); // destroySocket applies it: what a dealer sent before it left still goes
    }

    @AfterEach
    void close()
    {
        context.close();
        ringway.close();
    }

    /** Records {@code id|body}, and {@code left:id} for a departure notice. */
    private static Actor noticeRecorder(final List<String> log)
    {
        final Recorder recorder = new Recorder(log);
        return (buffer, offset, length, header) ->
        {
            if (header.messageType() == LinkShape.PEER_LEFT_TYPE)
            {
                log.add("left:" + buffer.getStringWithoutLengthAscii(offset - header.topicLength(), header.topicLength()));
            }
            else
            {
                recorder.onMessage(buffer, offset, length, header);
            }
        };
    }

    /** A plain DEALER on the link, once the link has seen its handshake. */
    private ZMQ.Socket dealer(final String routingId)
    {
        return JeromqDealers.connected(context, (ZmqLink)ringway.link("r"), routingId, 10_000);
    }

    private void sendToPort(final String routingId, final String body)
    {
        final byte[] id = routingId.getBytes(StandardCharsets.US_ASCII);
        final byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        final SlotClaim claim = new SlotClaim();
        Await.until(() -> ringway.actor("r").tryClaim(id.length + bytes.length, claim) >= 0, () -> "port took " + body);
        claim.buffer().putBytes(0, id);
        claim.buffer().putBytes(id.length, bytes);
        claim.topicLength(id.length);
        claim.commit();
    }

    @Test
    void shouldCarryRoutingIdAsTopicBothWays()
    {
        final ZMQ.Socket a = dealer("A");
        final ZMQ.Socket b = dealer("B");
        assertTrue(a.send("from-a"));
        assertTrue(b.send("from-b"));
        Await.until(() -> received.size() == 2, received::toString);
        assertTrue(received.containsAll(List.of("A|from-a", "B|from-b")), received.toString());

        sendToPort("B", "to-b");
        sendToPort("A", "to-a");
        assertEquals("to-b", b.recvStr());
        assertEquals("to-a", a.recvStr());
        Await.until(() -> ringway.linkCounters("r").get(CounterType.SENT) == 2,
            () -> "sent " + ringway.linkCounters("r").get(CounterType.SENT));
    }

    @Test
    void shouldRefuseAndCountAMessageForAPeerThatIsNotThere()
    {
        final ZMQ.Socket a = dealer("A");
        assertTrue(a.send("hello"));
        Await.until(() -> received.size() == 1, received::toString);

        sendToPort("ghost", "lost?");
        sendToPort("A", "after");
        assertEquals("after", a.recvStr(), "the link carries on after a refusal");
        final ZmqLink link = (ZmqLink)ringway.link("r");
        assertEquals(1, link.unroutable(), "ROUTER_MANDATORY refused the message for nobody");
        assertEquals(1, ringway.linkCounters("r").get(CounterType.DROPPED));
        // the peer can have the message before the link's thread counts it as sent
        Await.until(() -> ringway.linkCounters("r").get(CounterType.SENT) == 1,
            () -> "sent " + ringway.linkCounters("r").get(CounterType.SENT));
    }

    @Test
    void shouldAnnounceAPeerThatLeftAfterItsLastMessage()
    {
        final ZMQ.Socket a = dealer("A");
        final int count = 200;
        for (int i = 0; i < count; i++)
        {
            assertTrue(a.send("m-" + i));
        }
        context.destroySocket(a);
        Await.until(() -> received.size() > count && "left:A".equals(received.get(received.size() - 1)),
            () -> received.size() + " received, last " + (received.isEmpty() ? "-" : received.get(received.size() - 1)));
        final List<String> messages = received.stream().filter(line -> line.startsWith("A|")).toList();
        assertEquals(count, messages.size(), received::toString);
        for (int i = 0; i < count; i++)
        {
            assertEquals("A|m-" + i, messages.get(i));
        }
        assertEquals("left:A", received.get(received.size() - 1), "the notice comes after the peer's last message");
    }
}
