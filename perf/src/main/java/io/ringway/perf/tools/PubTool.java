package io.ringway.perf.tools;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.ReadMode;
import io.ringway.runtime.ring.SharedRing;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code pub}: a ZeroMQ PUB made of a Ringway shared ring whose lossless reader is a {@link LinkShape#PUBLISH}
 * link. Each message is {@code [topic][body]}; the peers' SUB sockets filter by topic prefix.
 * <pre>
 *   pub --bind|--connect EP --topic T [--rate R] [--count N] [--size B]
 *
 *   main thread --claim/commit--> [ring "pub"] --reader "wire", link thread--> XPUB --tcp--> SUB peers
 * </pre>
 * As a ZeroMQ PUB drops what no subscriber asked for, the tool waits for its first subscription before it
 * publishes, so that a subscriber started first gets every message; while it waits, a signal still ends it.
 */
@Command(name = "pub", mixinStandardHelpOptions = true,
    description = "Publish [topic][body] messages to SUB peers (a ZeroMQ PUB); waits for a first subscriber.")
public final class PubTool extends SenderTool
{
    private static final String RING = "pub";
    private static final String READER = "wire";
    private static final String LINK = "pub";

    @Option(names = "--topic", paramLabel = "T", required = true, description = "topic of every message (ASCII)")
    String topic;

    private final SlotClaim claim = new SlotClaim();
    private UnsafeBuffer message;
    private SharedRing ring;

    @Override
    void validate()
    {
        checkSenderOptions();
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(topic))
        {
            throw new ParameterException(spec.commandLine(), "--topic '" + topic + "' must be ASCII");
        }
    }

    @Override
    Ringway build(final Consumer<RingwayBuilder> settings, final List<LinkEndpoint> endpoints)
    {
        final byte[] topicBytes = topic.getBytes(StandardCharsets.US_ASCII);
        final int length = topicBytes.length + size;
        message = new UnsafeBuffer(new byte[length]);
        message.putBytes(0, topicBytes);
        return runtime(settings)
            .sharedRing(RING, options -> options.ringSize(ringSizeFor(length)).maxMessageLength(length)
                .singleProducer().reader(READER, ReadMode.LOSSLESS))
            .link(new LinkSpec(LINK, LinkShape.PUBLISH).endpoints(endpoints).readFrom(RING, READER))
            .build();
    }

    @Override
    List<String> linkNames()
    {
        return List.of(LINK);
    }

    @Override
    void awaitPeers(final Ringway ringway, final PrintWriter err)
    {
        ring = ringway.sharedRing(RING);
        final ZmqLink link = (ZmqLink)ringway.link(LINK);
        if (link.subscriptions() == 0)
        {
            err.println("pub: waiting for a subscriber");
            err.flush();
        }
        while (link.subscriptions() == 0 && !stopping())
        {
            pauseUntil(System.nanoTime() + 1_000_000);
        }
    }

    @Override
    long offer(final Ringway ringway)
    {
        final long result = ring.tryClaim(MessageSlot.NO_SENDER, message.capacity(), claim);
        if (result >= 0)
        {
            claim.buffer().putBytes(0, message, 0, message.capacity());
            claim.topicLength(message.capacity() - size);
            claim.commit();
        }
        return result;
    }
}
