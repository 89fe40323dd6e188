package io.ringway.perf.tools;

import io.ringway.patterns.Topology;
import io.ringway.runtime.CloseReport;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.status.CounterType;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code req}: a ZeroMQ REQ made of a Ringway request-reply operator whose replier is remote: one actor sends
 * {@code --count} requests of {@code --size} bytes, one at a time, each with a deadline of {@code --timeout-ms}
 * and up to {@code --retries} resends, and records every round trip. The servers can be REP or ROUTER peers in
 * any language, or {@code rep}.
 * <pre>
 *   req --connect EP [--count N] [--size B] [--timeout-ms MS] [--retries K]
 *
 *   actor "req" --Requester--> [port "call~repliers"] --DEALER, RFC 28 envelope--> REP/ROUTER servers
 *        ^                                                                              |
 *        +---------------- reply (or TIMEOUT after the retries) -------------------------+
 * </pre>
 * The summary has round-trip percentiles p50, p90, p99, p99.9 and max, in microseconds, of the replies received.
 */
@Command(name = "req", mixinStandardHelpOptions = true,
    description = "Send requests to REP or ROUTER servers one at a time and report round-trip percentiles.")
public final class ReqTool extends PeerTool
{
    private static final String ACTOR = "req";
    private static final String OPERATOR = "call";

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "requests to make, default "
        + "${DEFAULT-VALUE}; 0 until interrupted")
    long count;

    @Option(names = "--size", paramLabel = "B", defaultValue = "64", description = "bytes per request, 8 to "
        + "1048576, default ${DEFAULT-VALUE}; the first 8 hold the request's number")
    int size;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "1000", description = "how long each attempt "
        + "waits for its reply, default ${DEFAULT-VALUE}")
    long timeoutMs;

    @Option(names = "--retries", paramLabel = "K", defaultValue = "0", description = "resends after a timeout "
        + "before the request counts as dropped, default ${DEFAULT-VALUE}")
    int retries;

    private RoundTrips trips;

    @Override
    void validate()
    {
        if (count < 0)
        {
            throw new ParameterException(spec.commandLine(), "--count " + count + " must be 0 or more");
        }
        if (size < Long.BYTES || size > SenderTool.MAX_SIZE)
        {
            throw new ParameterException(spec.commandLine(), "--size " + size + " must be 8 to " + SenderTool.MAX_SIZE);
        }
        if (timeoutMs < 1)
        {
            throw new ParameterException(spec.commandLine(), "--timeout-ms " + timeoutMs + " must be at least 1");
        }
        if (retries < 0)
        {
            throw new ParameterException(spec.commandLine(), "--retries " + retries + " must be 0 or more");
        }
    }

    @Override
    Ringway build(final Consumer<RingwayBuilder> settings, final List<LinkEndpoint> endpoints)
    {
        trips = new RoundTrips(count, size);
        return Topology.builder()
            .runtime(settings)
            .actor(ACTOR, context -> trips.attach(context, OPERATOR))
            .requestReply(OPERATOR, call -> call.requesters(ACTOR)
                .remoteRepliers(endpoints.toArray(new LinkEndpoint[0]))
                .timeout(Duration.ofMillis(timeoutMs))
                .retries(retries)
                .maxInFlight(1)
                .maxMessageLength(size))
            .build();
    }

    @Override
    List<String> linkNames()
    {
        return List.of(OPERATOR + "~repliers");
    }

    @Override
    void run(final Ringway ringway, final PrintWriter err)
    {
        final UnsafeBuffer start = new UnsafeBuffer(new byte[1]);
        while (ringway.actor(ACTOR).offer(start, 0, 1) < 0 && !stopping())
        {
            pauseUntil(System.nanoTime() + 1_000_000);
        }
        while (!trips.done() && !stopping())
        {
            pauseUntil(System.nanoTime() + 1_000_000);
        }
        trips.requestStop();
    }

    @Override
    Summary summary(final Ringway ringway, final CloseReport report)
    {
        final long dropped = trips.timeouts() + trips.lateReplies() + report.discarded();
        final long errors = linkCounter(ringway, CounterType.ERRORS) + trips.errors();
        final Summary summary = new Summary(spec.name(), trips.requests(), trips.replies(), dropped, errors)
            .put("timeouts", trips.timeouts())
            .put("retries", trips.retries())
            .put("backPressured", trips.backPressured())
            .rate(trips.replies(), trips.elapsedNs());
        return trips.histogram().getTotalCount() > 0 ? summary.latency(trips.histogram()) : summary;
    }
}
