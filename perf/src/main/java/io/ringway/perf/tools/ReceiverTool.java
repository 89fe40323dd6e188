package io.ringway.perf.tools;

import io.ringway.runtime.ActorOptions;
import io.ringway.runtime.CloseReport;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.status.CounterType;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.List;

/**
 * A tool that receives until it has {@code --count} messages, until none came for {@code --idle-exit-ms} after
 * the first, or until interrupted ({@code sub}, {@code pull}). An inbound link delivers into the mailbox of one
 * actor, a {@link ReceiveCounter}; messages up to {@value #MAX_MESSAGE_LENGTH} bytes are taken, a longer one is
 * refused by the mailbox and counted as dropped.
 * <p>
 * Thread safety: as {@link PeerTool}.
 */
abstract class ReceiverTool extends PeerTool
{
    /** The largest message taken from the wire. */
    static final int MAX_MESSAGE_LENGTH = 64 * 1024;
    static final String ACTOR = "sink";
    private static final int RING_SIZE = 256;

    @Option(names = "--count", paramLabel = "N", description = "messages to receive, then exit; 0 (default) for "
        + "no limit")
    long count;

    @Option(names = "--idle-exit-ms", paramLabel = "MS", description = "exit when no message came for MS "
        + "milliseconds, counted from the first message; 0 (default) to wait for ever")
    long idleExitMs;

    private ReceiveCounter counter;

    /**
     * @param endpoints the endpoints given.
     * @return the tool's inbound link, delivering to {@link #ACTOR}.
     */
    abstract LinkSpec link(List<LinkEndpoint> endpoints);

    @Override
    void validate()
    {
        if (count < 0)
        {
            throw new ParameterException(spec.commandLine(), "--count " + count + " must be 0 or more");
        }
        if (idleExitMs < 0)
        {
            throw new ParameterException(spec.commandLine(), "--idle-exit-ms " + idleExitMs + " must be 0 or more");
        }
    }

    @Override
    final Ringway build(final RingwayBuilder runtime, final List<LinkEndpoint> endpoints)
    {
        counter = new ReceiveCounter(count);
        return runtime
            .actor(ACTOR, context -> counter, ReceiverTool::mailbox)
            .link(link(endpoints).deliverTo(ACTOR))
            .build();
    }

    private static void mailbox(final ActorOptions options)
    {
        options.ringSize(RING_SIZE).maxMessageLength(MAX_MESSAGE_LENGTH);
    }

    @Override
    final void run(final Ringway ringway, final PrintWriter err)
    {
        final long idleExitNs = idleExitMs * 1_000_000;
        while (!counter.done() && !stopping())
        {
            final long nowNs = System.nanoTime();
            if (0 != idleExitNs && counter.received() > 0 && nowNs - (counter.lastNs() + idleExitNs) >= 0)
            {
                err.println(spec.name() + ": no message for " + idleExitMs + " ms");
                break;
            }
            pauseUntil(nowNs + 1_000_000);
        }
    }

    @Override
    final Summary summary(final Ringway ringway, final CloseReport report)
    {
        final long dropped = linkCounter(ringway, CounterType.DROPPED) + report.discarded();
        final long errors = linkCounter(ringway, CounterType.ERRORS) + ringway.actorCounters(ACTOR).get(CounterType.ERRORS);
        return new Summary(spec.name(), 0, counter.received(), dropped, errors)
            .put("beyondCount", counter.beyondLimit())
            .rate(counter.received(), counter.elapsedNs());
    }
}
