package io.ringway.transport;

import io.ringway.patterns.Topology;
import io.ringway.runtime.endpoint.LinkSecurity;
import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DSL refuses remote members it cannot wire, naming the operator and the fault.
 */
class RemoteMembersValidationTest
{
    @TempDir
    Path runtimeDirectory;

    private static void assertFault(final String expected, final Runnable build)
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class, build::run);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }

    @Test
    void shouldRefuseRemoteSendersOnABoundEndpointForSeveralWorkers()
    {
        assertFault("round-robin 'jobs': remote senders on a bound endpoint", () -> Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .actor("w1", context -> (buffer, offset, length, header) -> { })
            .actor("w2", context -> (buffer, offset, length, header) -> { })
            .roundRobin("jobs", rr -> rr.remoteSenders(bind("tcp://127.0.0.1:*")).workers("w1", "w2"))
            .build());
    }

    @Test
    void shouldRefuseAnInProcessRemoteEndpoint()
    {
        assertFault("is in-process", () -> Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .actor("a", context -> (buffer, offset, length, header) -> { })
            .pair("hedge", pair -> pair.ends("a").remoteEnd(connect("inproc://b")))
            .build());
    }

    @Test
    void shouldRefuseRemoteRequestersWithoutExactlyOneLocalReplier()
    {
        assertFault("remote requesters need exactly one local replier", () -> Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .actor("client", context -> (buffer, offset, length, header) -> { })
            .requestReply("rpc", rr -> rr.requesters("client").remoteRequesters(bind("tcp://127.0.0.1:*"))
                .remoteRepliers(connect("tcp://127.0.0.1:5999")).timeout(Duration.ofSeconds(1)))
            .build());
    }

    @Test
    void shouldRefuseAPortNameThatIsAlreadyAnActor()
    {
        assertFault("already the name of an actor", () -> Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .actor("quoter", context -> (buffer, offset, length, header) -> { })
            .actor("venue1", context -> (buffer, offset, length, header) -> { })
            .gather("quotes", gather -> gather.requester("quoter").remoteMember("venue1", connect("tcp://127.0.0.1:5998"))
                .all().deadline(Duration.ofMillis(100)))
            .build());
    }

    @Test
    void shouldRefuseARemoteRouterWithRemoteDealers()
    {
        assertFault("router/dealer 'venues': has a remote router and remote dealers", () -> Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .actor("d1", context -> (buffer, offset, length, header) -> { })
            .router("venues", r -> r.dealers("d1").remoteRouter(connect("tcp://127.0.0.1:5997"))
                .remoteDealers(bind("tcp://127.0.0.1:*")))
            .build());
    }

    @Test
    void shouldRefuseALocalRouterBesidesARemoteOne()
    {
        assertFault("router/dealer 'venues': has a remote router and local routers [sor]", () -> Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .actor("sor", context -> (buffer, offset, length, header) -> { })
            .actor("d1", context -> (buffer, offset, length, header) -> { })
            .router("venues", r -> r.router("sor").dealers("d1").remoteRouter(connect("tcp://127.0.0.1:5997")))
            .build());
    }

    @Test
    void shouldRefuseRemoteDealersWithoutALocalRouter()
    {
        assertFault("router/dealer 'venues': needs exactly one router, not 0", () -> Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .actor("d1", context -> (buffer, offset, length, header) -> { })
            .router("venues", r -> r.dealers("d1").remoteDealers(bind("tcp://127.0.0.1:*")))
            .build());
    }

    @Test
    void shouldRefuseTwoDifferentSecuritiesForOneRole()
    {
        final Path keyFile = runtimeDirectory.resolve("server.key_secret");
        final String clientKey = "x".repeat(40);
        assertFault("round-robin 'jobs' remote workers: declared with two different CURVE securities", () ->
            Topology.builder()
                .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
                .actor("w1", context -> (buffer, offset, length, header) -> { })
                .roundRobin("jobs", rr -> rr.senders("w1")
                    .remoteWorkers(LinkSecurity.curveServer(keyFile, Set.of(clientKey)), bind("tcp://127.0.0.1:*"))
                    .remoteWorkers(LinkSecurity.curveClient(keyFile, clientKey), bind("tcp://127.0.0.1:*")))
                .build());
    }

    @Test
    void shouldRefuseACurveServerWithoutAllowedClients()
    {
        assertFault("pair 'hedge' remote end: a CURVE server needs at least one allowed client key", () ->
            Topology.builder()
                .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
                .actor("a", context -> (buffer, offset, length, header) -> { })
                .pair("hedge", pair -> pair.ends("a")
                    .remoteEnd(LinkSecurity.curveServer(runtimeDirectory.resolve("k"), Set.of()), bind("tcp://127.0.0.1:*")))
                .build());
    }
}
