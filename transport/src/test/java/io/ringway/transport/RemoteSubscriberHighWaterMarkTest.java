package io.ringway.transport;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutPublisher;
import io.ringway.patterns.testing.DutyCycles;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lossless remote subscriber of a fan-out whose peer stops reading: the link's XPUB reaches its high-water mark
 * and refuses (EAGAIN) while its ring reader still has a batch to hand on. The link must hold the refused message
 * and read nothing more until it goes; before this was fixed the reader handed on the rest of its batch and each
 * message overwrote the one held, lost uncounted (found by the fan-out contract's concurrent publishers clause
 * over tcp, about one run in two).
 */
class RemoteSubscriberHighWaterMarkTest
{
    private static final int BODY_LENGTH = 1024;
    /** Far more than the loopback socket buffers and both high-water marks hold, so the publisher must wait. */
    private static final int MAX_PUBLISHED = 200_000;

    @TempDir
    Path publishingDirectory;
    @TempDir
    Path subscribingDirectory;

    private final List<Ringway> runtimes = new ArrayList<>();

    @AfterEach
    void close()
    {
        for (int i = runtimes.size() - 1; i >= 0; i--)
        {
            runtimes.get(i).close();
        }
    }

    @Test
    void shouldLoseNothingWhenTheRemoteSubscribersHighWaterMarkRefuses()
    {
        final Sequencer[] feed = new Sequencer[1];
        final LinkLimits smallQueues = new LinkLimits(1_000, 2_000, 2_000, 10_000, 16);
        final Ringway publishing = start(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(publishingDirectory))
            .callerDispatcher("pub")
            .actor("feed", context -> feed[0] = new Sequencer(context), actor -> actor.dispatcher("pub"))
            .fanOut("prices", fanOut -> fanOut
                .publisher("feed")
                .remoteSubscribers(Delivery.LOSSLESS, bind("tcp://127.0.0.1:*"))
                .linkLimits(smallQueues)
                .ringSize(64)
                .maxMessageLength(2 * BODY_LENGTH)));
        final ZmqLink out = (ZmqLink)publishing.link("prices~remote-subscribers");
        final List<Long> seen = new ArrayList<>();
        final Ringway subscribing = start(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(subscribingDirectory))
            .callerDispatcher("sub")
            .actor("slow", context -> (buffer, offset, length, header) -> seen.add(buffer.getLong(offset)),
                actor -> actor.dispatcher("sub"))
            .fanOut("prices", fanOut -> fanOut
                .remotePublishers(connect(out.endpoints().get(0).endpoint().toString()))
                .subscriber("slow", Delivery.LOSSLESS, "")
                .linkLimits(smallQueues)
                .ringSize(64)
                .maxMessageLength(2 * BODY_LENGTH)));
        Await.until(() -> out.subscriptions() >= 1, () -> "subscriptions: " + out.subscriptions());

        final UnsafeBuffer command = new UnsafeBuffer(new byte[8]);
        long published = 0;
        while (published < MAX_PUBLISHED)
        {
            assertTrue(publishing.actor("feed").offer(command, 0, 8) >= 0);
            DutyCycles.runUntilIdle(publishing.invoker("pub"));
            if (feed[0].lastResult == SendResult.BACK_PRESSURED)
            {
                break;
            }
            assertTrue(feed[0].lastResult >= 0, SendResult.describe(feed[0].lastResult));
            published++;
        }
        assertTrue(published < MAX_PUBLISHED, "the subscriber that reads nothing back-pressured the publisher");

        final long total = published;
        DutyCycles.runUntil(subscribing.invoker("sub"), () -> seen.size() >= total,
            () -> seen.size() + " of " + total + " arrived");
        for (int i = 0; i < total; i++)
        {
            assertEquals(i, seen.get(i), "every message published arrived once, in order");
        }
        assertEquals(total, seen.size());
        assertEquals(0, out.unsent());
    }

    private Ringway start(final TopologyBuilder topology)
    {
        final Ringway ringway = topology.build().start();
        runtimes.add(ringway);
        return ringway;
    }

    /** Publishes on each command a body that starts with the next sequence number; keeps the last result. */
    static final class Sequencer implements Actor
    {
        private final FanOutPublisher prices;
        private final UnsafeBuffer topic = new UnsafeBuffer(new byte[]{ 'T' });
        private final UnsafeBuffer body = new UnsafeBuffer(new byte[BODY_LENGTH]);
        private long next;
        long lastResult;

        Sequencer(final ActorContext context)
        {
            prices = context.attachment("prices", FanOutPublisher.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            body.putLong(0, next);
            lastResult = prices.publish(topic, 0, 1, body, 0, BODY_LENGTH);
            if (lastResult >= 0)
            {
                next++;
            }
        }
    }
}
