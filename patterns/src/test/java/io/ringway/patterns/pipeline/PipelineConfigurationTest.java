package io.ringway.patterns.pipeline;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.errors.ConfigurationException;
import io.ringway.runtime.ring.RingReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Faults in a pipeline's declaration fail {@code build()} with a message that names the pipeline and the fault.
 */
class PipelineConfigurationTest
{
    @TempDir
    Path runtimeDirectory;

    private static final Actor IGNORE = (buffer, offset, length, header) -> { };

    private TopologyBuilder topology()
    {
        final TopologyBuilder topology = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .callerDispatcher("main");
        for (final String actor : List.of("gateway", "gateway2", "validate", "limitA", "limitB", "persist"))
        {
            topology.actor(actor, context -> IGNORE);
        }
        return topology;
    }

    private void assertFault(final String expected, final Consumer<PipelineSpec> pipeline)
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class,
            () -> topology().pipeline("checks", pipeline).build());
        assertEquals(expected, ex.getMessage());
    }

    @Test
    void shouldBuildThePipelineOfTheIssueWithOneReaderPerStage()
    {
        try (Ringway ringway = topology()
            .pipeline("checks", p -> p.publisher("gateway").step("validate").step("limitA", "limitB").step("persist"))
            .build()
            .start())
        {
            assertEquals(List.of("validate", "limitA", "limitB", "persist"),
                List.copyOf(ringway.sharedRing("checks").readers().keySet()));
            for (final RingReader reader : ringway.sharedRing("checks").readers().values())
            {
                assertEquals(io.ringway.runtime.ring.ReadMode.LOSSLESS, reader.mode(), reader.name());
            }
        }
    }

    @Test
    void shouldRejectAnUnknownMember()
    {
        final ConfigurationException publisher = assertThrows(ConfigurationException.class,
            () -> topology().pipeline("checks", p -> p.publisher("ghost").step("validate")).build());
        assertTrue(publisher.getMessage().startsWith(
            "pipeline 'checks': publisher 'ghost' is not an actor of the topology; actors are "),
            publisher.getMessage());
        final ConfigurationException stage = assertThrows(ConfigurationException.class,
            () -> topology().pipeline("checks", p -> p.publisher("gateway").step("validate").step("ghost")).build());
        assertTrue(stage.getMessage().startsWith(
            "pipeline 'checks': stage 'ghost' is not an actor of the topology; actors are "), stage.getMessage());
    }

    @Test
    void shouldRejectANameUsedTwice()
    {
        assertFault("pipeline 'checks': publisher 'gateway' is declared twice",
            p -> p.publisher("gateway").publisher("gateway").step("validate"));
        assertFault("pipeline 'checks': stage 'limitA' is named twice in step 2",
            p -> p.publisher("gateway").step("validate").step("limitA", "limitA"));
        final ConfigurationException operator = assertThrows(ConfigurationException.class, () -> topology()
            .pipeline("checks", p -> p.publisher("gateway").step("validate"))
            .pipeline("checks", p -> p.publisher("gateway2").step("persist")));
        assertEquals("operator name 'checks' is used twice", operator.getMessage());
    }

    @Test
    void shouldRejectACycle()
    {
        assertFault("pipeline 'checks': stage 'validate' is in step 1 and step 3, which makes a cycle",
            p -> p.publisher("gateway").step("validate").step("limitA", "limitB").step("persist", "validate"));
        assertFault("pipeline 'checks': 'gateway' is both a publisher and a stage of step 2, which makes a cycle",
            p -> p.publisher("gateway").step("validate").step("gateway"));
        assertFault("pipeline 'checks': 'gateway2' is both a publisher and a stage of step 1, which makes a cycle",
            p -> p.publisher("gateway").publisher("gateway2").step("gateway2"));
    }

    @Test
    void shouldRejectARingSizeThatIsNotAPowerOfTwo()
    {
        for (final int size : new int[]{ 1000, 0, 1, -4 })
        {
            assertFault("pipeline 'checks': ring size " + size + " is not a power of two (at least 2)",
                p -> p.publisher("gateway").step("validate").ringSize(size));
        }
        assertFault("pipeline 'checks': max message length 0 must be at least 1 byte",
            p -> p.publisher("gateway").step("validate").maxMessageLength(0));
        assertFault("pipeline 'checks': batch limit 0 must be at least 1",
            p -> p.publisher("gateway").step("validate").batchLimit(0));
    }

    @Test
    void shouldRejectAPipelineWithoutPublisherOrStages()
    {
        assertFault("pipeline 'checks': has no publisher", p -> p.step("validate"));
        assertFault("pipeline 'checks': has no step", p -> p.publisher("gateway"));
        assertFault("pipeline 'checks': step 2 has no stage", p -> p.publisher("gateway").step("validate").step());
    }

    @Test
    void shouldRejectSingleProducerWithSeveralPublishers()
    {
        assertFault("pipeline 'checks': singleProducer() needs exactly one publisher, not 2",
            p -> p.publisher("gateway").publisher("gateway2").step("validate").singleProducer());
        topology().pipeline("checks", p -> p.publisher("gateway").step("validate").singleProducer()).build().close();
    }
}
