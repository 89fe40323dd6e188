package io.ringway.perf.tools;

import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sub}: a ZeroMQ SUB made of a {@link LinkShape#SUBSCRIBE} link into an actor's mailbox. It asks its peers
 * for each {@code --topic} prefix (everything when none is given); the PUB side filters.
 * <pre>
 *   sub --bind|--connect EP [--topic T]... [--count N] [--idle-exit-ms MS]
 *
 *   PUB peers --tcp--> SUB, link thread --claim/commit [topic][body]--> [mailbox "sink"] --> counting actor
 * </pre>
 */
@Command(name = "sub", mixinStandardHelpOptions = true,
    description = "Receive [topic][body] messages from PUB peers, filtered by topic prefix (a ZeroMQ SUB).")
public final class SubTool extends ReceiverTool
{
    private static final String LINK = "sub";

    @Option(names = "--topic", paramLabel = "T", description = "topic prefix to subscribe to; repeatable; "
        + "default: every topic")
    List<String> topics = new ArrayList<>();

    @Override
    LinkSpec link(final List<LinkEndpoint> endpoints)
    {
        final LinkSpec link = new LinkSpec(LINK, LinkShape.SUBSCRIBE).endpoints(endpoints);
        if (topics.isEmpty())
        {
            link.subscribe("");
        }
        for (final String topic : topics)
        {
            link.subscribe(topic);
        }
        return link;
    }

    @Override
    List<String> linkNames()
    {
        return List.of(LINK);
    }
}
