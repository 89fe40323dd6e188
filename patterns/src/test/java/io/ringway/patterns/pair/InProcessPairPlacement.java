package io.ringway.patterns.pair;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.OneRuntime;
import io.ringway.patterns.testing.Runtimes;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Both ends of the pair, and the actors beside them, in one runtime in this process. */
public final class InProcessPairPlacement implements PairPlacement
{
    private final Path runtimeDirectory;

    /** @param runtimeDirectory the test's temporary directory, for the counters file. */
    public InProcessPairPlacement(final Path runtimeDirectory)
    {
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public Runtimes start(
        final String operator,
        final Consumer<TopologyBuilder> everywhere,
        final String endA,
        final Consumer<TopologyBuilder> sideOfA,
        final String endB,
        final Consumer<TopologyBuilder> sideOfB,
        final Consumer<PairSpec> bounds)
    {
        final TopologyBuilder topology = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory));
        everywhere.accept(topology);
        sideOfA.accept(topology);
        sideOfB.accept(topology);
        return new OneRuntime(topology
            .pair(operator, pair -> bounds.accept(pair.ends(endA, endB)))
            .build()
            .start());
    }
}
