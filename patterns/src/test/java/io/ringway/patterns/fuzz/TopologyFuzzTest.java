package io.ringway.patterns.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Topologies declared from fuzzed names, sizes and members ({@link TopologyScript}): declaring and building either
 * gives a runtime or fails with the one documented exception, {@link ConfigurationException}, whose message names
 * what it refuses (a name or endpoint the topology declared, in quotes, or a link name derived from an operator's)
 * or says which name or endpoint is empty. A
 * {@code NullPointerException}, an arithmetic overflow or an {@code OutOfMemoryError} fails the test.
 * <p>
 * Without {@code JAZZER_FUZZ} this runs the inputs kept under {@code TopologyFuzzTestInputs} as a regression test;
 * docs/FUZZING.md gives the command that fuzzes it.
 */
class TopologyFuzzTest
{
    @TempDir
    static Path runtimeDirectory;

    @FuzzTest(maxDuration = "5m")
    void shouldBuildOrNameTheFault(final FuzzedDataProvider data)
    {
        final TopologyScript script = new TopologyScript(data);
        final TopologyBuilder builder = Topology.builder().runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory));
        try
        {
            script.declareOn(builder);
            final Ringway ringway = builder.build();
            ringway.close();
        }
        catch (final ConfigurationException ex)
        {
            assertNamesTheFault(ex.getMessage(), script.declared());
        }
    }

    private static void assertNamesTheFault(final String message, final Set<String> declared)
    {
        assertNotNull(message, "a refusal has a message");
        if (message.contains("name must not be empty") || message.startsWith("empty endpoint"))
        {
            return;
        }
        for (final String name : declared)
        {
            // Quoted whole, or as the start of a name derived from it: link 'prices~remote-subscribers'.
            if (message.contains("'" + name + "'") || (!name.isEmpty() && message.contains("'" + name + "~")))
            {
                return;
            }
        }
        throw new AssertionError("the message names nothing the topology declared " + declared + ": " + message);
    }
}
