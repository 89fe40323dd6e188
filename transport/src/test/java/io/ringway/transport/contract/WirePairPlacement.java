package io.ringway.transport.contract;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.pair.PairPlacement;
import io.ringway.patterns.pair.PairSpec;
import io.ringway.patterns.testing.Runtimes;
import io.ringway.runtime.Ringway;
import io.ringway.transport.zmq.ZmqLink;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;

/**
 * End {@code a} in the runtime under test, end {@code b} in a second runtime in this JVM, linked over
 * {@code tcp://} or {@code ipc://}: each side declares the pair with its one end and a remote end (a PAIR link),
 * bound on {@code a}'s side and connected from {@code b}'s, with the same bounds. Each end's peer is then its
 * side's link port, the only sender its address accepts and the only address its port accepts. Both runtimes
 * have every dispatcher the test declares.
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public final class WirePairPlacement implements PairPlacement
{
    private final WireScheme scheme;
    private final Path runtimeDirectory;

    /**
     * @param scheme           what the two runtimes are linked over.
     * @param runtimeDirectory the test's temporary directory; each runtime keeps its counters file in its own
     *                         directory under it.
     */
    public WirePairPlacement(final WireScheme scheme, final Path runtimeDirectory)
    {
        this.scheme = scheme;
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public Runtimes start(
        final String operator,
        final Consumer<TopologyBuilder> everywhere,
        final String endA,
        final Consumer<TopologyBuilder> sideOfA,
        final String endB,
        final Consumer<TopologyBuilder> sideOfB,
        final Consumer<PairSpec> bounds)
    {
        final String[] linkName = new String[1];
        final Ringway sideA = side("side-a", everywhere, sideOfA)
            .pair(operator, pair ->
            {
                bounds.accept(pair.ends(endA)
                    .remoteEnd(bind(scheme.newBindEndpoint()))
                    .linkLimits(WirePlacement.TEST_LIMITS));
                linkName[0] = pair.remoteEndAddress();
            })
            .build()
            .start();
        Ringway sideB = null;
        try
        {
            final ZmqLink link = (ZmqLink)sideA.link(linkName[0]);
            final String endpoint = link.endpoints().get(0).endpoint().toString();
            sideB = side("side-b", everywhere, sideOfB)
                .pair(operator, pair -> bounds.accept(pair.ends(endB)
                    .remoteEnd(connect(endpoint))
                    .linkLimits(WirePlacement.TEST_LIMITS)))
                .build()
                .start();
            final WireRuntimes runtimes = new WireRuntimes(List.of(sideA, sideB));
            runtimes.quiet().awaitHandshakes(link, 1);
            return runtimes;
        }
        catch (final RuntimeException | AssertionError ex)
        {
            if (null != sideB)
            {
                sideB.close();
            }
            sideA.close();
            throw ex;
        }
    }

    private TopologyBuilder side(
        final String name, final Consumer<TopologyBuilder> everywhere, final Consumer<TopologyBuilder> members)
    {
        final TopologyBuilder topology = WireSides.side(runtimeDirectory, name, everywhere);
        members.accept(topology);
        return topology;
    }
}
