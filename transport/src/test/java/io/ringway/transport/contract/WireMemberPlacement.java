package io.ringway.transport.contract;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.gather.GatherSpec;
import io.ringway.patterns.reqrep.RequestReplySpec;
import io.ringway.patterns.testing.MemberPlacement;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.actor.Supervision;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;

/**
 * Requesters in the runtime under test, every member in a second runtime in this JVM, linked over {@code tcp://}
 * or {@code ipc://}: the operator's side binds one link per role (the remote repliers, or one per gather member)
 * and each member serves it from its own correlate-reply operator with remote requesters, connected to that
 * link. Both runtimes run one caller-run dispatcher, {@code main}, that the test thread steps; between steps the
 * bridge's threads move the messages, so {@link #runUntilIdle()} waits for the wire to be quiet too
 * ({@link WireQuiet}).
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public final class WireMemberPlacement implements MemberPlacement
{
    private static final String DISPATCHER = "main";
    /** Required of every correlate-reply; the members' operators have no local requester to time out. */
    private static final Duration UNUSED_TIMEOUT = Duration.ofSeconds(1);

    private record Member(String name, ActorFactory factory, int ringSize)
    {
    }

    /** A link the operator's side binds, and the members that connect to it. */
    private record Role(String linkName, List<String> memberNames)
    {
    }

    private final WireScheme scheme;
    private final Path runtimeDirectory;
    private final UnsafeBuffer empty = new UnsafeBuffer(new byte[8]);
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<Role> roles = new ArrayList<>();
    private Consumer<RingwayBuilder> settings;
    private Ringway operatorSide;
    private Ringway memberSide;
    private WireQuiet quiet;

    /**
     * @param scheme           what the two runtimes are linked over.
     * @param runtimeDirectory the test's temporary directory; each runtime keeps its counters file in its own
     *                         directory under it.
     */
    public WireMemberPlacement(final WireScheme scheme, final Path runtimeDirectory)
    {
        this.scheme = scheme;
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public TopologyBuilder newTopology(final Consumer<RingwayBuilder> settings)
    {
        this.settings = settings;
        return Topology.builder()
            .runtime(runtime -> settings.accept(runtime.runtimeDirectory(directory("operator-side"))))
            .callerDispatcher(DISPATCHER);
    }

    @Override
    public void placeRequester(final TopologyBuilder topology, final String name, final ActorFactory factory)
    {
        topology.actor(name, factory);
    }

    @Override
    public void placeMember(
        final TopologyBuilder topology, final String name, final ActorFactory factory, final int ringSize)
    {
        members.put(name, new Member(name, factory, ringSize));
    }

    @Override
    public void repliers(final RequestReplySpec operator, final String... memberNames)
    {
        operator.remoteRepliers(bind(scheme.newBindEndpoint())).linkLimits(WirePlacement.TEST_LIMITS);
        roles.add(new Role(operator.remoteRepliersAddress(), List.of(memberNames)));
    }

    @Override
    public void members(final GatherSpec operator, final String... memberNames)
    {
        for (final String name : memberNames)
        {
            operator.remoteMember(name, bind(scheme.newBindEndpoint()));
            roles.add(new Role(name, List.of(name)));
        }
    }

    @Override
    public Ringway start(final TopologyBuilder topology)
    {
        operatorSide = topology.build().start();
        final TopologyBuilder memberTopology = Topology.builder()
            .runtime(runtime -> settings.accept(runtime.runtimeDirectory(directory("member-side"))))
            .callerDispatcher(DISPATCHER);
        final List<ZmqLink> boundLinks = new ArrayList<>();
        for (final Role role : roles)
        {
            final ZmqLink link = (ZmqLink)operatorSide.link(role.linkName());
            boundLinks.add(link);
            final String endpoint = link.endpoints().get(0).endpoint().toString();
            for (final String name : role.memberNames())
            {
                final Member member = members.get(name);
                memberTopology
                    .actor(name, member.factory(), actor -> actor
                        .ringSize(member.ringSize())
                        .supervision(Supervision.RESUME))
                    .requestReply("serve-" + name, serve -> serve
                        .remoteRequesters(connect(endpoint))
                        .replier(name)
                        .linkLimits(WirePlacement.TEST_LIMITS)
                        .timeout(UNUSED_TIMEOUT));
            }
        }
        memberSide = memberTopology.build().start();
        quiet = new WireQuiet(List.of(operatorSide, memberSide));
        for (int i = 0; i < roles.size(); i++)
        {
            quiet.awaitHandshakes(boundLinks.get(i), roles.get(i).memberNames().size());
        }
        return operatorSide;
    }

    @Override
    public void runUntilIdle()
    {
        quiet.runUntilQuiet(DISPATCHER);
    }

    @Override
    public long tell(final String actor, final int messageType)
    {
        final Ringway holder = members.containsKey(actor) ? memberSide : operatorSide;
        return holder.actor(actor).offer(messageType, 0, empty, 0, 0);
    }

    @Override
    public void close()
    {
        if (null != operatorSide)
        {
            operatorSide.close();
        }
        if (null != memberSide)
        {
            memberSide.close();
        }
    }

    private Path directory(final String name)
    {
        try
        {
            return Files.createDirectories(runtimeDirectory.resolve(name));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
