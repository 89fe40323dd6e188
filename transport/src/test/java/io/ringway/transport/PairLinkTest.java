package io.ringway.transport;

import io.ringway.patterns.Topology;
import io.ringway.patterns.pair.PairEnd;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pair's remote end against plain JeroMQ PAIR peers: the one peer talks both ways, and a second peer is refused
 * at once and counted, where JeroMQ's PAIR alone would keep its connection and throw away what it sends.
 */
class PairLinkTest
{
    private static final int RECEIVE_TIMEOUT_MS = 10_000;

    @TempDir
    Path directory;

    /** Records what comes from the remote end; sends anything else it is told to the remote end. */
    private static Actor end(final List<String> log, final ActorContext context)
    {
        final PairEnd end = context.attachment("hedge", PairEnd.class);
        return (buffer, offset, length, header) ->
        {
            if (end.isFromPeer(header))
            {
                log.add(buffer.getStringWithoutLengthAscii(offset, length));
            }
            else if (end.offer(buffer, offset, length) < 0)
            {
                log.add("offer refused");
            }
        };
    }

    private static ZMQ.Socket pairPeer(final ZContext context, final String endpoint)
    {
        final ZMQ.Socket peer = context.createSocket(SocketType.PAIR);
        peer.setLinger(0);
        peer.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        peer.setHandshakeIvl(JeromqDealers.HANDSHAKE_IVL_MS); // a stalled connect retried soon (jeromq#1022)
        peer.connect(endpoint);
        return peer;
    }

    @Test
    void shouldRefuseASecondPeerAtOnceAndCountItWhileTheFirstTalksOn()
    {
        final List<String> log = Recorder.newLog();
        try (Ringway ringway = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directory))
            .actor("a", context -> end(log, context))
            .pair("hedge", pair -> pair.ends("a").remoteEnd(bind("tcp://127.0.0.1:*")))
            .build()
            .start();
            ZContext context = new ZContext())
        {
            final ZmqLink link = (ZmqLink)ringway.link("hedge~remote");
            final String endpoint = link.endpoints().get(0).endpoint().toString();
            final ZMQ.Socket first = pairPeer(context, endpoint);
            Await.until(() -> link.handshakes() >= 1, () -> "no handshake seen by the link");
            assertTrue(first.send("one"));
            Await.until(() -> log.contains("one"), log::toString);

            final ZMQ.Socket second = pairPeer(context, endpoint);
            second.send("intruder", ZMQ.DONTWAIT);
            Await.until(() -> link.peersRefused() >= 1 && link.disconnects() >= 1,
                () -> "refused " + link.peersRefused() + ", disconnects " + link.disconnects());
            final long refused = link.peersRefused();
            Await.until(() -> CounterValues.read(ringway, "link hedge~remote: errors") >= refused,
                () -> "each refusal is also an error: " + refused + " refused");

            assertTrue(first.send("two"));
            Await.until(() -> log.size() >= 2, log::toString);
            final UnsafeBuffer command = new UnsafeBuffer("back".getBytes(StandardCharsets.US_ASCII));
            assertTrue(ringway.actor("a").offer(command, 0, command.capacity()) >= 0);
            assertEquals("back", first.recvStr(), "the first peer is still the pair's other end");
            assertEquals(List.of("one", "two"), log, "nothing from the second peer");
            second.setReceiveTimeOut(100);
            assertNull(second.recvStr(), "nothing to the second peer");
        }
    }
}
