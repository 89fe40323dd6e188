package io.ringway.transport.contract;

import io.ringway.patterns.roundrobin.RoundRobinContract;
import io.ringway.patterns.roundrobin.RoundRobinPlacement;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * The round-robin contract with the senders and all workers but the last in the runtime under test and the last
 * worker in another, behind remote workers (PUSH) bound on the senders' side and remote senders (PULL) connected on
 * the worker's side, linked over {@link #scheme()} ({@link WireRoundRobinPlacement}).
 */
abstract class WireRoundRobinContract extends RoundRobinContract
{
    @RegisterExtension
    static final WireClauses IN_PROCESS_ONLY = new WireClauses(Map.of(
        "shouldSkipAFullWorkerWhenLeastLoaded", "it counts exactly how many messages each worker takes before every "
            + "worker is full (2 and 8); the remote worker's turn is the link's port, which the link's thread empties "
            + "onto the wire while the sender sends, so how many the remote side holds before the port looks full "
            + "depends on that thread (the port, JeroMQ's queues each way, the sockets' buffers and the worker's "
            + "mailbox); back-pressure once every worker is full, without counts, is "
            + "shouldBackPressureOnceEveryWorkerIsFullAndLoseNothing",
        "shouldBackPressureWhenEveryWorkerIsFullAndResumeWhenOneDrains", "it expects BACK_PRESSURED after exactly "
            + "four sends into two mailboxes of two; behind the bridge the remote worker's share is not its mailbox "
            + "but the port and the wire, emptied concurrently by the link's thread; asserted without counts by "
            + "shouldBackPressureOnceEveryWorkerIsFullAndLoseNothing",
        "shouldReturnClosedWhenEveryWorkerHasStopped", "a remote worker that stops does not close its turn on the "
            + "senders' side: that turn is the link's port, open while the link runs, so sends go on into it and the "
            + "worker's side drops them, counted, as its link's delivery is refused (CLOSED); a stopped local "
            + "worker still leaves the choice (shouldTakeAStoppedWorkerOutOfTheChoice, "
            + "shouldReturnClosedForAKeyWhoseWorkerHasStopped)"));

    /** @return what the two runtimes are linked over. */
    abstract WireScheme scheme();

    @Override
    protected RoundRobinPlacement placement()
    {
        return new WireRoundRobinPlacement(scheme(), runtimeDirectory);
    }
}
