package io.ringway.transport;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.endpoint.LinkSecurity;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.zmq.ZmqLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.ringway.transport.RingwayLinkTest.endpointOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CURVE with a ZAP allow-list, against libzmq (pyzmq) clients and between two runtimes.
 */
class CurveLinkTest
{
    @TempDir
    Path directory;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private ZMQ.Curve.KeyPair server;
    private ZMQ.Curve.KeyPair allowed;
    private Path serverKeyFile;

    @BeforeEach
    void keys() throws IOException
    {
        server = ZMQ.Curve.generateKeyPair();
        allowed = ZMQ.Curve.generateKeyPair();
        serverKeyFile = keyFile("server", server);
    }

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(final T resource)
    {
        resources.add(resource);
        return resource;
    }

    private Path keyFile(final String name, final ZMQ.Curve.KeyPair keys) throws IOException
    {
        return CurveKeyFiles.write(directory, name, keys);
    }

    private Ringway securedCollector(final List<String> received)
    {
        return closeLater(Ringway.builder()
            .runtimeDirectory(directory.resolve("server"))
            .actor("worker", context -> new Recorder(received))
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("tcp://127.0.0.1:*").deliverTo("worker")
                .security(LinkSecurity.curveServer(serverKeyFile, Set.of(allowed.publicKey))))
            .build()).start();
    }

    @Test
    void shouldLetAnAllowedLibzmqClientIn()
    {
        final List<String> received = Recorder.newLog();
        final Ringway ringway = securedCollector(received);
        final PyzmqPeer client = closeLater(PyzmqPeer.start("curve-push", endpointOf(ringway, "in"),
            server.publicKey, allowed.publicKey, allowed.secretKey, "3"));
        assertEquals("succeeded", client.nextLine());
        Await.until(() -> received.size() == 3, () -> "received " + received);
        assertEquals(List.of("secret-0", "secret-1", "secret-2"), received);
        assertEquals(0, ((ZmqLink)ringway.link("in")).clientsRefused());
        assertEquals(0, authRefused(ringway, "in"), "an allowed client is no refusal");
    }

    private static long authRefused(final Ringway ringway, final String link)
    {
        return CounterValues.read(ringway, "link " + link + ": auth refused");
    }

    @Test
    void shouldRefuseAndCountAClientKeyNotOnTheAllowList()
    {
        final List<String> received = Recorder.newLog();
        final Ringway ringway = securedCollector(received);
        final ZMQ.Curve.KeyPair stranger = ZMQ.Curve.generateKeyPair();
        final PyzmqPeer client = closeLater(PyzmqPeer.start("curve-push", endpointOf(ringway, "in"),
            server.publicKey, stranger.publicKey, stranger.secretKey, "3"));
        assertEquals("auth-failed", client.nextLine(), "it knows the server key, but its own is not allowed");
        final ZmqLink link = (ZmqLink)ringway.link("in");
        Await.until(() -> link.clientsRefused() >= 1, () -> "refused " + link.clientsRefused());
        assertTrue(ringway.linkCounters("in").get(CounterType.ERRORS) >= 1);
        // a client that retries can be refused again between two reads: compare until both are read at rest
        Await.until(() -> link.clientsRefused() == authRefused(ringway, "in"),
            () -> "a key refusal is an auth refusal: refused " + link.clientsRefused() + ", auth refused "
                + authRefused(ringway, "in"));
        assertTrue(received.isEmpty());
    }

    @Test
    void shouldRefuseAClientWithoutCurve()
    {
        final List<String> received = Recorder.newLog();
        final Ringway ringway = securedCollector(received);
        final PyzmqPeer client = closeLater(PyzmqPeer.start("curve-push", endpointOf(ringway, "in"),
            "-", "-", "-", "3"));
        final String outcome = client.nextLine();
        assertTrue(outcome.startsWith("failed"), outcome);
        final ZmqLink link = (ZmqLink)ringway.link("in");
        Await.until(() -> link.disconnects() >= 1, () -> "disconnects " + link.disconnects());
        assertEquals(0, link.handshakes(), "a NULL client never gets past the greeting of a CURVE server");
        assertEquals(0, link.clientsRefused(), "the ZAP handler never sees it");
        Await.until(() -> authRefused(ringway, "in") == link.disconnects(),
            () -> "auth refused " + authRefused(ringway, "in") + ", disconnects " + link.disconnects());
        final long refused = link.authRefused();
        assertTrue(refused >= 1, "each connection of the plain client is counted as refused");
        assertTrue(ringway.linkCounters("in").get(CounterType.ERRORS) >= refused, "and as an error");
        assertTrue(received.isEmpty());
    }

    @Test
    void shouldCarryMessagesBetweenTwoRuntimesOverCurve() throws IOException
    {
        final List<String> received = Recorder.newLog();
        final Ringway ringway = securedCollector(received);
        final Ringway client = closeLater(Ringway.builder()
            .runtimeDirectory(directory.resolve("client"))
            .drainTimeout(java.time.Duration.ofSeconds(1))
            .link(new LinkSpec("out", LinkShape.DISTRIBUTE).connect(endpointOf(ringway, "in")).port(16, 64)
                .security(LinkSecurity.curveClient(keyFile("client", allowed), server.publicKey)))
            .build()).start();
        TopologyLinkTest.send(client, "out", "encrypted");
        final ZmqLink out = (ZmqLink)client.link("out");
        final ZmqLink in = (ZmqLink)ringway.link("in");
        Await.until(() -> received.size() == 1, () -> "received " + received + " client hs " + out.handshakes()
            + " disc " + out.disconnects() + " conn " + out.connections() + " server hs " + in.handshakes()
            + " refused " + in.clientsRefused() + " errors " + ringway.linkCounters("in").get(CounterType.ERRORS)
            + " client errors " + client.linkCounters("out").get(CounterType.ERRORS));
        assertEquals(List.of("encrypted"), received);
    }

    @Test
    void shouldFailStartOnABadKeyFileWithoutShowingTheKey() throws IOException
    {
        final String notAKey = "this_is_not_a_z85_key_but_it_is_40_chars";
        final Path bad = Files.writeString(directory.resolve("bad.key_secret"),
            "public-key = \"" + server.publicKey + "\"\nsecret-key = \"" + notAKey + "\"\n");
        final Ringway ringway = Ringway.builder()
            .runtimeDirectory(directory.resolve("bad"))
            .actor("worker", context -> (buffer, offset, length, header) -> { })
            .link(new LinkSpec("in", LinkShape.COLLECT).bind("tcp://127.0.0.1:*").deliverTo("worker")
                .security(LinkSecurity.curveServer(bad, Set.of(allowed.publicKey))))
            .build();
        final RuntimeException ex = assertThrows(RuntimeException.class, ringway::start);
        assertTrue(ex.getMessage().contains("secret-key"), ex.getMessage());
        assertFalse(ex.getMessage().contains(notAKey), "the key file's contents never appear in a message");
        assertFalse(ex.getMessage().contains(server.publicKey));
    }
}
