package io.ringway.patterns.testing;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.errors.ConfigurationException;

import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * For the tests of an operator's declaration: a topology of actors that do nothing, and the message a faulty
 * declaration fails {@code build()} with.
 */
public final class BuildFaults
{
    private BuildFaults()
    {
    }

    /**
     * @param runtimeDirectory the test's temporary runtime directory.
     * @param actors           names of actors that ignore what they get, all on the caller-run dispatcher
     *                         {@code main}.
     * @return a topology to declare the operator under test on.
     */
    public static TopologyBuilder idleActors(final Path runtimeDirectory, final String... actors)
    {
        final TopologyBuilder topology = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory).closeReportHandler(report -> { }))
            .callerDispatcher("main");
        for (final String actor : actors)
        {
            topology.actor(actor, context -> (buffer, offset, length, header) -> { });
        }
        return topology;
    }

    /**
     * @param declaration a topology with the faulty operator declared on it.
     * @return the message of the {@link ConfigurationException} that building it throws.
     * @throws AssertionError if building it throws nothing, or something else.
     */
    public static String messageOf(final Supplier<TopologyBuilder> declaration)
    {
        return assertThrows(ConfigurationException.class, () -> declaration.get().build()).getMessage();
    }
}
