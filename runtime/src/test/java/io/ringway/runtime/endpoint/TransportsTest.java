package io.ringway.runtime.endpoint;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TransportsTest
{
    @TempDir
    Path runtimeDirectory;

    @Test
    void shouldFindProviderForItsSchemeThroughServiceLoader()
    {
        final TransportProvider provider =
            Transports.require(Endpoint.parse("ipc://feed"), getClass().getClassLoader());
        assertInstanceOf(RecordingIpcTransport.class, provider);
    }

    @Test
    void shouldNameTheArtifactToAddWhenNoTransportServesTheScheme()
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class,
            () -> Transports.require(Endpoint.parse("tcp://127.0.0.1:5555"), getClass().getClassLoader()));
        assertTrue(ex.getMessage().contains("io.ringway:ringway-transport"), ex.getMessage());
        assertTrue(ex.getMessage().contains("tcp://127.0.0.1:5555"), ex.getMessage());
    }

    @Test
    void shouldFailAtBuildWhenAnActorBindsTcpWithoutTransport()
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class, () -> Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("gateway", context -> NO_OP, actor -> actor.bind("tcp://127.0.0.1:7000"))
            .build());
        assertTrue(ex.getMessage().startsWith("actor 'gateway': "), ex.getMessage());
        assertTrue(ex.getMessage().contains("ringway-transport"), ex.getMessage());
    }

    @Test
    void shouldFailAtBuildForIpcWhenTheClassPathHasNoProvider()
    {
        final ClassLoader bare = new URLClassLoader(new URL[0], null);
        assertThrows(ConfigurationException.class, () -> Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .transportClassLoader(bare)
            .actor("feed", context -> NO_OP, actor -> actor.connect("ipc://md"))
            .build());
    }

    @Test
    void shouldOpenLinksAtStartAndCloseThemAtClose()
    {
        RecordingIpcTransport.OPENED.clear();
        final Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .actor("feed", context -> NO_OP, actor -> actor.bind("ipc://md").connect("ipc://upstream"))
            .build();
        assertTrue(RecordingIpcTransport.OPENED.isEmpty(), "nothing opens before start");

        ringway.start();
        assertEquals(2, RecordingIpcTransport.OPENED.size());
        final RecordingIpcTransport.RecordedLink bound = RecordingIpcTransport.OPENED.get(0);
        assertEquals(LinkDirection.BIND, bound.request.endpoints().get(0).direction());
        assertEquals(LinkShape.COLLECT, bound.request.shape());
        assertSame(ringway.actor("feed"), bound.request.inbound());
        assertEquals(LinkDirection.CONNECT, RecordingIpcTransport.OPENED.get(1).request.endpoints().get(0).direction());
        assertSame(bound, ringway.link("feed@ipc://md"));

        ringway.close();
        assertTrue(RecordingIpcTransport.OPENED.stream().allMatch(link -> link.closed));
    }

    private static final Actor NO_OP = (buffer, offset, length, header) -> { };
}
