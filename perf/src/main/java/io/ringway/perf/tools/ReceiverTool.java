package io.ringway.perf.tools;

import io.ringway.runtime.CloseReport;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.status.CounterType;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * A tool that receives until it has {@code --count} messages, until none came for {@code --idle-exit-ms} after
 * the first, or until interrupted ({@code sub}, {@code pull}). An inbound link delivers into an actor's mailbox or
 * a shared ring, and a {@link ReceiveCounter} counts there; messages up to {@value #MAX_MESSAGE_LENGTH} bytes are
 * taken, a longer one is refused and counted as dropped.
 * <p>
 * Thread safety: as {@link PeerTool}.
 */
abstract class ReceiverTool extends PeerTool
{
    /** The largest message taken from the wire. */
    static final int MAX_MESSAGE_LENGTH = 64 * 1024;
    static final int RING_SIZE = 256;

    @Option(names = "--count", paramLabel = "N", description = "messages to receive, then exit; 0 (default) for "
        + "no limit")
    long count;

    @Option(names = "--idle-exit-ms", paramLabel = "MS", description = "exit when no message came for MS "
        + "milliseconds, counted from the first message; 0 (default) to wait for ever")
    long idleExitMs;

    private ReceiveCounter counter;

    /**
     * Declares the tool's inbound link and where it delivers.
     *
     * @param runtime   the runtime being declared.
     * @param endpoints the endpoints given.
     * @param counter   what counts the messages delivered.
     * @return the runtime.
     */
    abstract RingwayBuilder declare(RingwayBuilder runtime, List<LinkEndpoint> endpoints, ReceiveCounter counter);

    /**
     * Takes what was delivered, when the tool's own thread does the reading; an actor's dispatcher does it
     * otherwise.
     *
     * @param ringway the started runtime.
     * @return messages taken.
     */
    int poll(final Ringway ringway)
    {
        return 0;
    }

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
    final Ringway build(final Consumer<RingwayBuilder> settings, final List<LinkEndpoint> endpoints)
    {
        counter = new ReceiveCounter(count);
        return declare(runtime(settings), endpoints, counter).build();
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
            if (0 == poll(ringway))
            {
                pauseUntil(nowNs + 1_000_000);
            }
        }
    }

    @Override
    final Summary summary(final Ringway ringway, final CloseReport report)
    {
        final long dropped = linkCounter(ringway, CounterType.DROPPED) + report.discarded();
        return new Summary(spec.name(), 0, counter.received(), dropped, linkCounter(ringway, CounterType.ERRORS))
            .put("beyondCount", counter.beyondLimit())
            .rate(counter.received(), counter.elapsedNs());
    }
}
