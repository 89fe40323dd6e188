package io.ringway.perf.tools;

import io.ringway.patterns.Topology;
import io.ringway.runtime.CloseReport;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.status.CounterType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code rep}: an echo server made of a Ringway request-reply operator whose requesters are remote: each
 * request from a REQ or DEALER peer (RFC 28 envelope) goes to one actor, which replies with the request's
 * payload; the link sends each reply back to its client only. Runs until interrupted.
 * <pre>
 *   rep --bind EP [--max-size B]
 *
 *   REQ/DEALER clients --ROUTER--> [port "serve~requesters"] --> actor "rep": context.reply(request)
 * </pre>
 */
@Command(name = "rep", mixinStandardHelpOptions = true,
    description = "Answer each request from REQ or DEALER clients with its own payload (an echo REP).")
public final class RepTool extends PeerTool
{
    private static final String ACTOR = "rep";
    private static final String OPERATOR = "serve";
    /** Unused by a replier, but every request-reply operator has a deadline for its own requesters. */
    private static final Duration UNUSED_TIMEOUT = Duration.ofSeconds(1);
    private static final int RING_SIZE = 256;

    @Option(names = "--max-size", paramLabel = "B", defaultValue = "65536", description = "largest request "
        + "taken, 1 to 1048576, default ${DEFAULT-VALUE}; a longer one is dropped and counted")
    int maxSize;

    private final AtomicLong refusedReplies = new AtomicLong();

    @Override
    void validate()
    {
        if (maxSize < 1 || maxSize > SenderTool.MAX_SIZE)
        {
            throw new ParameterException(spec.commandLine(), "--max-size " + maxSize + " must be 1 to "
                + SenderTool.MAX_SIZE);
        }
    }

    @Override
    Ringway build(final Consumer<RingwayBuilder> settings, final List<LinkEndpoint> endpoints)
    {
        return Topology.builder()
            .runtime(settings)
            .actor(ACTOR, context -> (buffer, offset, length, header) ->
            {
                if (context.reply(buffer, offset, length) < 0)
                {
                    refusedReplies.incrementAndGet();
                }
            }, actor -> actor.ringSize(RING_SIZE).maxMessageLength(maxSize))
            .requestReply(OPERATOR, serve -> serve.remoteRequesters(endpoints.toArray(new LinkEndpoint[0]))
                .replier(ACTOR)
                .timeout(UNUSED_TIMEOUT)
                .maxMessageLength(maxSize))
            .build();
    }

    @Override
    List<String> linkNames()
    {
        return List.of(OPERATOR + "~requesters");
    }

    @Override
    void run(final Ringway ringway, final PrintWriter err)
    {
        while (!stopping())
        {
            pauseUntil(System.nanoTime() + 10_000_000);
        }
    }

    @Override
    Summary summary(final Ringway ringway, final CloseReport report)
    {
        final long dropped = linkCounter(ringway, CounterType.DROPPED) + report.discarded();
        final long errors = linkCounter(ringway, CounterType.ERRORS)
            + ringway.actorCounters(ACTOR).get(CounterType.ERRORS) + refusedReplies.get();
        return new Summary(spec.name(), linkCounter(ringway, CounterType.SENT),
            linkCounter(ringway, CounterType.RECEIVED), dropped, errors);
    }
}
