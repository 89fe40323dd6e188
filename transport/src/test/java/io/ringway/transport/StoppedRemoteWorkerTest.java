package io.ringway.transport;

import io.ringway.patterns.roundrobin.RoundRobinSender;
import io.ringway.patterns.roundrobin.RoundRobinWorker;
import io.ringway.patterns.testing.Runtimes;
import io.ringway.runtime.actor.Supervision;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.contract.WireRoundRobinPlacement;
import io.ringway.transport.contract.WireScheme;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A remote worker that stops does not close its turn on the senders' side: that turn is the remote workers' link
 * port, open while the link runs, so sends into it go on returning positions. The worker's side drops each of
 * them, counted on its PULL link and on the worker, never silently. This is why the round-robin contract's
 * {@code shouldReturnClosedWhenEveryWorkerHasStopped} is in-process only (docs/WIRE.md, "Contracts over the wire").
 */
class StoppedRemoteWorkerTest
{
    private static final String OPERATOR = "orders";
    private static final String WORKER = "w0";
    private static final String PULL_LINK = OPERATOR + "~senders~" + WORKER;

    @TempDir
    Path runtimeDirectory;

    private final AtomicReference<RoundRobinSender> sender = new AtomicReference<>();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
    private Runtimes runtimes;

    @AfterEach
    void close()
    {
        if (null != runtimes)
        {
            runtimes.close();
        }
    }

    @Test
    void shouldDropAndCountOnTheWorkersSideWhatIsSentToAStoppedRemoteWorker()
    {
        runtimes = new WireRoundRobinPlacement(WireScheme.TCP, runtimeDirectory).start(OPERATOR,
            everywhere -> everywhere.callerDispatcher(WORKER).runtime(runtime -> runtime.errorHandler(error -> { })),
            senders -> senders.callerDispatcher("main").actor("s0", context ->
            {
                sender.set(context.attachment(OPERATOR, RoundRobinSender.class));
                return (buffer, offset, length, header) -> { };
            }, options -> options.dispatcher("main")),
            List.of(new RoundRobinWorker(WORKER, context -> (buffer, offset, length, header) ->
            {
                throw new IllegalStateException("stops at its first message");
            }, WORKER, 64, 64, Supervision.STOP)),
            rr -> rr.senders("s0"));

        offer();
        runtimes.runUntil(WORKER, () -> counter(WORKER, CounterType.DEAD_LETTERED) == 1,
            () -> WORKER + " dead-lettered " + counter(WORKER, CounterType.DEAD_LETTERED));
        for (int i = 0; i < 5; i++)
        {
            offer();
        }
        runtimes.runUntil(WORKER, () -> counter(PULL_LINK, CounterType.DROPPED) == 5,
            () -> PULL_LINK + " dropped " + counter(PULL_LINK, CounterType.DROPPED));

        assertEquals(6, runtimes.counter("s0", OPERATOR + "~workers", CounterType.SENT), "all six onto the wire");
        assertEquals(1, counter(PULL_LINK, CounterType.RECEIVED), "the first, which stopped the worker");
        assertEquals(5, counter(WORKER, CounterType.DROPPED), "each refused by the stopped worker's mailbox");
    }

    private void offer()
    {
        final long result = sender.get().offer(message, 0, message.capacity());
        assertTrue(result >= 0, () -> "the senders' side sees no stopped worker: " + SendResult.describe(result));
    }

    private long counter(final String owner, final CounterType type)
    {
        return runtimes.counter(WORKER, owner, type);
    }
}
