package io.ringway.transport.contract;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.roundrobin.RoundRobinPlacement;
import io.ringway.patterns.roundrobin.RoundRobinSpec;
import io.ringway.patterns.roundrobin.RoundRobinWorker;
import io.ringway.patterns.testing.Runtimes;
import io.ringway.runtime.Ringway;
import io.ringway.transport.zmq.ZmqLink;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;

/**
 * The senders and every worker but the last in the runtime under test, the last worker in a second runtime in
 * this JVM, linked over {@code tcp://} or {@code ipc://}: the senders' side declares the round-robin with its local
 * workers and remote workers bound (a PUSH link whose port, {@code <operator>~workers}, is the last turn of the
 * rotation, as the remote worker was the last declared), and the worker's side declares the same round-robin with
 * that worker and remote senders connected (a PULL link delivering into its mailbox). The port has the worker's
 * ring size and largest message, so that it refuses what the worker would.
 * <p>
 * One worker behind the port, not several: the port is one turn of the rotation and JeroMQ's PUSH rotates among
 * the workers behind it, so with one there, every turn is still one worker, and rotation and key affinity keep
 * their meaning. Both runtimes have every worker's dispatcher.
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public final class WireRoundRobinPlacement implements RoundRobinPlacement
{
    private final WireScheme scheme;
    private final Path runtimeDirectory;

    /**
     * @param scheme           what the two runtimes are linked over.
     * @param runtimeDirectory the test's temporary directory; each runtime keeps its counters file in its own
     *                         directory under it.
     */
    public WireRoundRobinPlacement(final WireScheme scheme, final Path runtimeDirectory)
    {
        this.scheme = scheme;
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public Runtimes start(
        final String operator,
        final Consumer<TopologyBuilder> everywhere,
        final Consumer<TopologyBuilder> senders,
        final List<RoundRobinWorker> workers,
        final Consumer<RoundRobinSpec> configure)
    {
        final RoundRobinWorker remote = workers.get(workers.size() - 1);
        final TopologyBuilder sendersSide = side("senders-side", everywhere);
        senders.accept(sendersSide);
        final String[] localNames = new String[workers.size() - 1];
        for (int i = 0; i < localNames.length; i++)
        {
            workers.get(i).declareIn(sendersSide);
            localNames[i] = workers.get(i).name();
        }
        final String[] portName = new String[1];
        final Ringway sendersRuntime = sendersSide
            .roundRobin(operator, rr ->
            {
                configure.accept(rr.workers(localNames)
                    .remoteWorkers(bind(scheme.newBindEndpoint()))
                    .remoteLinks(remote.ringSize(), remote.maxMessageLength(), WirePlacement.TEST_LIMITS));
                portName[0] = rr.remoteWorkersAddress();
            })
            .build()
            .start();
        Ringway workerRuntime = null;
        try
        {
            final ZmqLink link = (ZmqLink)sendersRuntime.link(portName[0]);
            final String endpoint = link.endpoints().get(0).endpoint().toString();
            workerRuntime = remote.declareIn(side("worker-side", everywhere))
                .roundRobin(operator, rr -> rr.workers(remote.name())
                    .remoteSenders(connect(endpoint))
                    .remoteLinks(remote.ringSize(), remote.maxMessageLength(), WirePlacement.TEST_LIMITS))
                .build()
                .start();
            final WireRuntimes runtimes = new WireRuntimes(List.of(sendersRuntime, workerRuntime));
            runtimes.quiet().awaitHandshakes(link, 1);
            return runtimes;
        }
        catch (final RuntimeException | AssertionError ex)
        {
            if (null != workerRuntime)
            {
                workerRuntime.close();
            }
            sendersRuntime.close();
            throw ex;
        }
    }

    private TopologyBuilder side(final String name, final Consumer<TopologyBuilder> everywhere)
    {
        return WireSides.side(runtimeDirectory, name, everywhere);
    }
}
