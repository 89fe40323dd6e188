package io.ringway.transport.contract;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutSpec;
import io.ringway.patterns.testing.Await;
import io.ringway.patterns.testing.Placement;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.ring.SharedRing;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Publishers in the runtime under test, every subscriber in a second runtime in this JVM, linked over
 * {@code tcp://} or {@code ipc://}: each fan-out's publishing side binds lossless remote subscribers, and the
 * subscribing side declares the same fan-out (same bounds) with remote publishers connected to it and the
 * subscribers, each with its own delivery and prefixes. So prefixes are matched, and a lossy subscriber is lapped,
 * in the subscribing side's ring, which the link's thread writes into.
 * <p>
 * Both runtimes have every dispatcher the test declares; a duty cycle of one first waits for the wire to be quiet
 * ({@link WireQuiet#awaitWire}), so that what was published has reached the subscribing side, then runs it in
 * both. A counter is summed over the counters files that have it. Not thread-safe: the test thread alone calls it.
 */
public final class WirePlacement implements Placement
{
    private enum Side
    {
        PUBLISHING, SUBSCRIBING
    }

    private record Member(String name, ActorFactory factory, String dispatcher)
    {
    }

    private record FanOut(String name, Consumer<FanOutSpec> configure)
    {
    }

    /** The defaults but a linger of 100 ms: a test closes its runtimes once it has seen what it waited for. */
    static final LinkLimits TEST_LIMITS = new LinkLimits(100, 2_000, 2_000, 10_000, 1_000);

    private final WireScheme scheme;
    private final Path runtimeDirectory;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<FanOut> fanOuts = new ArrayList<>();
    private final List<SharedRing> outboundRings = new ArrayList<>();
    private Consumer<TopologyBuilder> everywhere = topology -> { };
    private Side side;
    private Ringway publishingSide;
    private Ringway subscribingSide;
    private WireQuiet wire;

    /**
     * @param scheme           what the two runtimes are linked over.
     * @param runtimeDirectory the test's temporary directory; each runtime keeps its counters file in its own
     *                         directory under it.
     */
    public WirePlacement(final WireScheme scheme, final Path runtimeDirectory)
    {
        this.scheme = scheme;
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public TopologyBuilder newTopology(final Consumer<TopologyBuilder> everywhere)
    {
        this.everywhere = everywhere;
        final TopologyBuilder topology = Topology.builder();
        everywhere.accept(topology);
        return topology;
    }

    @Override
    public void placeMember(
        final TopologyBuilder topology, final String name, final ActorFactory factory, final String dispatcher)
    {
        members.put(name, new Member(name, factory, dispatcher));
    }

    @Override
    public void fanOut(final TopologyBuilder topology, final String name, final Consumer<FanOutSpec> configure)
    {
        fanOuts.add(new FanOut(name, configure));
        topology.fanOut(name, spec ->
        {
            side = Side.PUBLISHING;
            configure.accept(spec);
            spec.remoteSubscribers(Delivery.LOSSLESS, bind(scheme.newBindEndpoint())).linkLimits(TEST_LIMITS);
        });
    }

    @Override
    public void publisher(final FanOutSpec operator, final String actor)
    {
        if (side == Side.PUBLISHING)
        {
            operator.publisher(actor);
        }
    }

    @Override
    public void subscriber(
        final FanOutSpec operator, final String member, final Delivery delivery, final String... prefixes)
    {
        if (side == Side.SUBSCRIBING)
        {
            operator.subscriber(member, delivery, prefixes);
        }
    }

    @Override
    public void start(final TopologyBuilder topology, final ErrorHandler errorHandler)
    {
        publishingSide = topology
            .runtime(runtime -> runtime.runtimeDirectory(directory("publishing-side")).errorHandler(errorHandler))
            .build()
            .start();
        final TopologyBuilder subscribers = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(directory("subscribing-side")).errorHandler(errorHandler));
        everywhere.accept(subscribers);
        for (final Member member : members.values())
        {
            subscribers.actor(member.name(), member.factory(), actor -> actor.dispatcher(member.dispatcher()));
        }
        final List<ZmqLink> links = new ArrayList<>();
        for (final FanOut fanOut : fanOuts)
        {
            final ZmqLink link = (ZmqLink)publishingSide.link(fanOut.name() + "~remote-subscribers");
            links.add(link);
            outboundRings.add(publishingSide.sharedRing(fanOut.name()));
            final String endpoint = link.endpoints().get(0).endpoint().toString();
            subscribers.fanOut(fanOut.name(), spec ->
            {
                side = Side.SUBSCRIBING;
                fanOut.configure().accept(spec);
                spec.remotePublishers(connect(endpoint)).linkLimits(TEST_LIMITS);
            });
        }
        subscribingSide = subscribers.build().start();
        wire = new WireQuiet(List.of(publishingSide, subscribingSide));
        for (final ZmqLink link : links)
        {
            // the subscribing side subscribes to everything; until the publishing side has seen it, XPUB drops
            Await.until(() -> link.subscriptions() >= 1, () -> link.name() + " subscriptions: " + link.subscriptions());
        }
    }

    @Override
    public void dutyCycle(final String dispatcher)
    {
        wire.awaitWire(outboundRings);
        publishingSide.invoker(dispatcher).invoke();
        subscribingSide.invoker(dispatcher).invoke();
    }

    @Override
    public long tell(
        final String actor, final int messageType, final DirectBuffer buffer, final int offset, final int length)
    {
        final Ringway holder = members.containsKey(actor) ? subscribingSide : publishingSide;
        return holder.actor(actor).offer(messageType, 0, buffer, offset, length);
    }

    @Override
    public long counter(final String label)
    {
        final Map<String, Long> publishing = WireQuiet.counters(publishingSide);
        final Map<String, Long> subscribing = WireQuiet.counters(subscribingSide);
        if (!publishing.containsKey(label) && !subscribing.containsKey(label))
        {
            fail("no counter '" + label + "' in " + publishing.keySet() + " or " + subscribing.keySet());
        }
        return publishing.getOrDefault(label, 0L) + subscribing.getOrDefault(label, 0L);
    }

    @Override
    public void close()
    {
        if (null != publishingSide)
        {
            publishingSide.close();
        }
        if (null != subscribingSide)
        {
            subscribingSide.close();
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
