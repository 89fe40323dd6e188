package io.ringway.patterns.router;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.BuildFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A badly declared router/dealer fails the build with a message that names the operator and the fault.
 */
class RouterSpecTest
{
    @TempDir
    Path runtimeDirectory;

    private TopologyBuilder topology()
    {
        return BuildFaults.idleActors(runtimeDirectory, "sor", "sor2", "venue1", "venue2");
    }

    private void assertBuildFails(final String expectedMessage, final Consumer<RouterSpec> configure)
    {
        final String message = BuildFaults.messageOf(() -> topology().router("venues", configure));
        assertTrue(message.startsWith(expectedMessage), message);
    }

    @Test
    void shouldBuildAValidRouter()
    {
        topology().router("venues", r -> r.router("sor").dealers("venue1", "venue2")).build().close();
    }

    @Test
    void shouldRejectAnUnknownRouter()
    {
        assertBuildFails("router/dealer 'venues': router 'nobody' is not an actor of the topology",
            r -> r.router("nobody").dealers("venue1"));
    }

    @Test
    void shouldRejectAnUnknownDealer()
    {
        assertBuildFails("router/dealer 'venues': dealer 'venue3' is not an actor of the topology",
            r -> r.router("sor").dealers("venue1", "venue3"));
    }

    @Test
    void shouldRejectNoRouterOrTwoRouters()
    {
        assertBuildFails("router/dealer 'venues': needs exactly one router, not 0 []", r -> r.dealers("venue1"));
        assertBuildFails("router/dealer 'venues': needs exactly one router, not 2 [sor, sor2]",
            r -> r.router("sor").router("sor2").dealers("venue1"));
    }

    @Test
    void shouldRejectNoDealers()
    {
        assertBuildFails("router/dealer 'venues': has no dealers", r -> r.router("sor"));
    }

    @Test
    void shouldRejectADealerNamedTwice()
    {
        assertBuildFails("router/dealer 'venues': dealer 'venue1' is named twice",
            r -> r.router("sor").dealers("venue1", "venue2").dealers("venue1"));
    }

    @Test
    void shouldRejectARouterThatIsAlsoADealer()
    {
        assertBuildFails("router/dealer 'venues': 'sor' is both the router and a dealer",
            r -> r.router("sor").dealers("venue1", "sor"));
    }

    @Test
    void shouldRejectANullMember()
    {
        assertBuildFails("router/dealer 'venues': a router name is null", r -> r.router(null).dealers("venue1"));
        assertBuildFails("router/dealer 'venues': a dealer name is null", r -> r.router("sor").dealers("venue1", null));
    }
}
