package io.ringway.transport.contract;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One side of a wire placement: a topology of its own, whose runtime keeps its counters file in a directory of its
 * own under the test's temporary directory, with what every side needs already declared.
 */
final class WireSides
{
    private WireSides()
    {
    }

    /**
     * @param runtimeDirectory the test's temporary directory.
     * @param name             the side's name, and its directory's under {@code runtimeDirectory}.
     * @param everywhere       what every side declares (its dispatchers above all).
     * @return the side's topology, to declare its members and operator on.
     */
    static TopologyBuilder side(
        final Path runtimeDirectory, final String name, final Consumer<TopologyBuilder> everywhere)
    {
        final Path directory;
        try
        {
            directory = Files.createDirectories(runtimeDirectory.resolve(name));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final TopologyBuilder topology = Topology.builder().runtime(runtime -> runtime.runtimeDirectory(directory));
        everywhere.accept(topology);
        return topology;
    }
}
