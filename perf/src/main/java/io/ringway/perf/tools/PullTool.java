package io.ringway.perf.tools;

import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import picocli.CommandLine.Command;

import java.util.List;

/**
 * {@code pull}: a ZeroMQ PULL made of a {@link LinkShape#COLLECT} link into an actor's mailbox; messages from
 * every peer are fairly queued. A full mailbox stops the link reading, so the peers' PUSH sockets wait.
 * <pre>
 *   pull --bind|--connect EP [--count N] [--idle-exit-ms MS]
 *
 *   PUSH peers --tcp--> PULL, link thread --claim/commit--> [mailbox "sink"] --> counting actor
 * </pre>
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Receive messages from PUSH peers, fairly queued (a ZeroMQ PULL).")
public final class PullTool extends ReceiverTool
{
    private static final String LINK = "pull";
    private static final String ACTOR = "sink";

    @Override
    RingwayBuilder declare(final RingwayBuilder runtime, final List<LinkEndpoint> endpoints,
        final ReceiveCounter counter)
    {
        return runtime
            .actor(ACTOR, context -> counter, actor -> actor.ringSize(RING_SIZE).maxMessageLength(MAX_MESSAGE_LENGTH))
            .link(new LinkSpec(LINK, LinkShape.COLLECT).endpoints(endpoints).deliverTo(ACTOR));
    }

    @Override
    List<String> linkNames()
    {
        return List.of(LINK);
    }
}
