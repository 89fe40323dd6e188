package io.ringway.patterns.pair;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.BuildFaults;
import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A badly declared pair fails the build with a message that names the operator and the fault.
 */
class PairSpecTest
{
    @TempDir
    Path runtimeDirectory;

    private TopologyBuilder topology()
    {
        return BuildFaults.idleActors(runtimeDirectory, "a", "b", "c");
    }

    private void assertBuildFails(final String expectedMessage, final Consumer<PairSpec> configure)
    {
        final String message = BuildFaults.messageOf(() -> topology().pair("hedge", configure));
        assertTrue(message.startsWith(expectedMessage), message);
    }

    @Test
    void shouldBuildAValidPair()
    {
        topology().pair("hedge", pair -> pair.ends("a", "b")).build().close();
    }

    @Test
    void shouldRejectThreeEnds()
    {
        assertBuildFails("pair 'hedge': a pair has exactly two ends, not 3 [a, b, c]",
            pair -> pair.ends("a", "b").ends("c"));
    }

    @Test
    void shouldRejectOneEndOrNone()
    {
        assertBuildFails("pair 'hedge': a pair has exactly two ends, not 1 [a]", pair -> pair.ends("a"));
        assertBuildFails("pair 'hedge': a pair has exactly two ends, not 0 []", pair -> { });
    }

    @Test
    void shouldRejectAnActorPairedWithItself()
    {
        assertBuildFails("pair 'hedge': both ends are actor 'a'", pair -> pair.ends("a", "a"));
    }

    @Test
    void shouldRejectAnUnknownEnd()
    {
        assertBuildFails("pair 'hedge': end 'z' is not an actor of the topology", pair -> pair.ends("a", "z"));
    }

    @Test
    void shouldRejectANullEnd()
    {
        assertBuildFails("pair 'hedge': an end's name is null", pair -> pair.ends("a", null));
    }

    @Test
    void shouldRejectARingSizeThatIsNotAPowerOfTwo()
    {
        assertBuildFails("pair 'hedge': ring size 6 is not a power of two", pair -> pair.ends("a", "b").ringSize(6));
    }

    @Test
    void shouldRejectAnEmptyLargestMessage()
    {
        assertBuildFails("pair 'hedge': max message length 0 must be at least 1 byte",
            pair -> pair.ends("a", "b").maxMessageLength(0));
    }

    @Test
    void shouldRejectAnEndAddressThatClashesWithAnActor()
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class, () -> topology()
            .actor("a.hedge", context -> (buffer, offset, length, header) -> { })
            .pair("hedge", pair -> pair.ends("a", "b"))
            .build());
        assertTrue(ex.getMessage().contains("address 'a.hedge'"), ex.getMessage());
    }
}
