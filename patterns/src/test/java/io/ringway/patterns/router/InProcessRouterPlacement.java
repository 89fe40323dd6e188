package io.ringway.patterns.router;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.OneRuntime;
import io.ringway.patterns.testing.Runtimes;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The router and every dealer in one runtime in this process. */
public final class InProcessRouterPlacement implements RouterPlacement
{
    private final Path runtimeDirectory;

    /** @param runtimeDirectory the test's temporary directory, for the counters file. */
    public InProcessRouterPlacement(final Path runtimeDirectory)
    {
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public Runtimes start(
        final String operator,
        final Consumer<TopologyBuilder> everywhere,
        final String router,
        final Consumer<TopologyBuilder> routerSide,
        final List<String> dealerNames,
        final BiConsumer<TopologyBuilder, String> dealer)
    {
        final TopologyBuilder topology = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory));
        everywhere.accept(topology);
        routerSide.accept(topology);
        for (final String name : dealerNames)
        {
            dealer.accept(topology, name);
        }
        return new OneRuntime(topology
            .router(operator, spec -> spec.router(router).dealers(dealerNames.toArray(new String[0])))
            .build()
            .start());
    }

    @Override
    public boolean isRemote(final String dealer)
    {
        return false;
    }
}
