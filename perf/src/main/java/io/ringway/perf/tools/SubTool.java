package io.ringway.perf.tools;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.ring.ReadMode;
import io.ringway.runtime.ring.RingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sub}: a ZeroMQ SUB made of a {@link LinkShape#SUBSCRIBE} link into a shared ring, which keeps each
 * message's topic, read by the tool's own thread. It asks its peers for each {@code --topic} prefix (everything
 * when none is given); the PUB side filters.
 * <pre>
 *   sub --bind|--connect EP [--topic T]... [--count N] [--idle-exit-ms MS]
 *
 *   PUB peers --tcp--> SUB, link thread --claim/commit [topic][body]--> [ring "sub"] --reader "tool"--> count
 * </pre>
 */
@Command(name = "sub", mixinStandardHelpOptions = true,
    description = "Receive [topic][body] messages from PUB peers, filtered by topic prefix (a ZeroMQ SUB).")
public final class SubTool extends ReceiverTool
{
    private static final String LINK = "sub";
    private static final String RING = "sub";
    private static final String READER = "tool";
    private static final int POLL_LIMIT = 256;

    @Option(names = "--topic", paramLabel = "T", description = "topic prefix to subscribe to; repeatable; "
        + "default: every topic")
    List<String> topics = new ArrayList<>();

    private RingReader reader;
    private ReceiveCounter counter;

    @Override
    RingwayBuilder declare(final RingwayBuilder runtime, final List<LinkEndpoint> endpoints,
        final ReceiveCounter counter)
    {
        this.counter = counter;
        final LinkSpec link = new LinkSpec(LINK, LinkShape.SUBSCRIBE).endpoints(endpoints).deliverToRing(RING);
        if (topics.isEmpty())
        {
            link.subscribe("");
        }
        for (final String topic : topics)
        {
            link.subscribe(topic);
        }
        return runtime
            .sharedRing(RING, ring -> ring.ringSize(RING_SIZE).maxMessageLength(MAX_MESSAGE_LENGTH)
                .reader(READER, ReadMode.LOSSLESS))
            .link(link);
    }

    @Override
    int poll(final Ringway ringway)
    {
        if (null == reader)
        {
            reader = ringway.sharedRing(RING).reader(READER);
        }
        return reader.poll(counter, POLL_LIMIT);
    }

    @Override
    List<String> linkNames()
    {
        return List.of(LINK);
    }
}
