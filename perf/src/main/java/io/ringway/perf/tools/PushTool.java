package io.ringway.perf.tools;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.function.Consumer;

/**
 * {@code push}: a ZeroMQ PUSH made of a Ringway link with a port ({@link LinkShape#DISTRIBUTE}). Messages are
 * offered to the port, whose link hands each one to exactly one peer, in turn among those with room; with no
 * peer the port fills and offers are back-pressured.
 * <pre>
 *   push --bind|--connect EP [--rate R] [--count N] [--size B]
 *
 *   main thread --offer--> [port "push"] --link thread--> PUSH --tcp--> PULL peers
 * </pre>
 */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = "Send messages to PULL peers, each to one of them in turn (a ZeroMQ PUSH).")
public final class PushTool extends SenderTool
{
    private static final String LINK = "push";

    private UnsafeBuffer message;
    private ActorRef port;

    @Override
    Ringway build(final Consumer<RingwayBuilder> settings, final List<LinkEndpoint> endpoints)
    {
        message = new UnsafeBuffer(new byte[size]);
        return runtime(settings)
            .link(new LinkSpec(LINK, LinkShape.DISTRIBUTE).endpoints(endpoints).port(ringSizeFor(size), size))
            .build();
    }

    @Override
    List<String> linkNames()
    {
        return List.of(LINK);
    }

    @Override
    long offer(final Ringway ringway)
    {
        if (null == port)
        {
            port = ringway.actor(LINK);
        }
        return port.offer(message, 0, size);
    }
}
