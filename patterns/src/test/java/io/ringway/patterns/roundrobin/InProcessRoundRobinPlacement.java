package io.ringway.patterns.roundrobin;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.OneRuntime;
import io.ringway.patterns.testing.Runtimes;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Senders and every worker in one runtime in this process. */
public final class InProcessRoundRobinPlacement implements RoundRobinPlacement
{
    private final Path runtimeDirectory;

    /** @param runtimeDirectory the test's temporary directory, for the counters file. */
    public InProcessRoundRobinPlacement(final Path runtimeDirectory)
    {
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
        final TopologyBuilder topology = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory));
        everywhere.accept(topology);
        senders.accept(topology);
        final String[] names = new String[workers.size()];
        for (int i = 0; i < names.length; i++)
        {
            workers.get(i).declareIn(topology);
            names[i] = workers.get(i).name();
        }
        return new OneRuntime(topology
            .roundRobin(operator, rr -> configure.accept(rr.workers(names)))
            .build()
            .start());
    }
}
