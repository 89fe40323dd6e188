package io.ringway.perf.tools;

import io.ringway.runtime.CloseReport;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.CounterType;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;

/**
 * A tool that sends {@code --count} messages of {@code --size} bytes at {@code --rate} per second ({@code pub},
 * {@code push}). A refused offer ({@code BACK_PRESSURED}: no peer yet, or every peer full) is retried after a
 * back-off and counted; any other refusal ends the loop and is counted as an error. The tool ends once its link
 * has sent every message accepted, or on a signal.
 * <p>
 * Thread safety: as {@link PeerTool}.
 */
abstract class SenderTool extends PeerTool
{
    /** The largest message a sender makes: the port or ring holds a few hundred of them. */
    static final int MAX_SIZE = 1 << 20;

    @Option(names = "--rate", paramLabel = "R", description = "messages per second; 0 (default) for as fast as "
        + "the peers take them")
    long rate;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "messages to send, "
        + "default ${DEFAULT-VALUE}; 0 to send until interrupted")
    long count;

    @Option(names = "--size", paramLabel = "B", defaultValue = "64", description = "bytes per message body, "
        + "1 to 1048576, default ${DEFAULT-VALUE}")
    int size;

    private long accepted;
    private long backPressured;
    private long refused;
    private long elapsedNs;

    /**
     * Offers the next message to the runtime.
     *
     * @param ringway the started runtime.
     * @return as the runtime's offer: a position, or a negative {@link SendResult} code.
     */
    abstract long offer(Ringway ringway);

    /**
     * Waits, before the first message, for what the tool needs to send at all; none by default.
     *
     * @param ringway the started runtime.
     * @param err     for progress.
     */
    void awaitPeers(final Ringway ringway, final PrintWriter err)
    {
    }

    @Override
    void validate()
    {
        checkSenderOptions();
    }

    final void checkSenderOptions()
    {
        if (rate < 0)
        {
            throw new ParameterException(spec.commandLine(), "--rate " + rate + " must be 0 or more");
        }
        if (count < 0)
        {
            throw new ParameterException(spec.commandLine(), "--count " + count + " must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE)
        {
            throw new ParameterException(spec.commandLine(), "--size " + size + " must be 1 to " + MAX_SIZE);
        }
    }

    /**
     * @param messageLength the largest message the ring or port carries.
     * @return slots for it: 1024, fewer for large messages, so it stays within about 64 MiB.
     */
    static int ringSizeFor(final int messageLength)
    {
        final int slots = Integer.highestOneBit(Math.max(1, (64 << 20) / messageLength));
        return Math.max(8, Math.min(1024, slots));
    }

    @Override
    final void run(final Ringway ringway, final PrintWriter err)
    {
        awaitPeers(ringway, err);
        final IdleStrategy idle = new BackoffIdleStrategy(10, 10, 1_000, 100_000);
        final double intervalNs = rate > 0 ? 1e9 / rate : 0;
        final long startNs = System.nanoTime();
        while ((0 == count || accepted < count) && !stopping())
        {
            if (intervalNs > 0)
            {
                final long dueNs = startNs + (long)(accepted * intervalNs);
                if (dueNs - System.nanoTime() > 0)
                {
                    pauseUntil(dueNs);
                    continue;
                }
            }
            final long result = offer(ringway);
            if (result >= 0)
            {
                accepted++;
                idle.reset();
            }
            else if (result == SendResult.BACK_PRESSURED)
            {
                backPressured++;
                idle.idle();
            }
            else
            {
                refused++;
                err.println(spec.name() + ": send refused: " + SendResult.describe(result));
                break;
            }
        }
        awaitSent(ringway);
        elapsedNs = System.nanoTime() - startNs;
    }

    /**
     * Waits until the link has put on the wire every message the runtime accepted: a sender asked for N messages
     * ends when N are sent, however late its peers come, rather than closing with them queued. A signal ends the
     * wait; what is still queued then is discarded by close and counted as dropped.
     */
    private void awaitSent(final Ringway ringway)
    {
        while (linkCounter(ringway, CounterType.SENT) < accepted && !stopping())
        {
            pauseUntil(System.nanoTime() + 1_000_000);
        }
    }

    @Override
    final Summary summary(final Ringway ringway, final CloseReport report)
    {
        final long sent = linkCounter(ringway, CounterType.SENT);
        return new Summary(spec.name(), sent, 0, report.discarded(), linkCounter(ringway, CounterType.ERRORS) + refused)
            .put("accepted", accepted)
            .put("backPressured", backPressured)
            .rate(accepted, elapsedNs);
    }
}
