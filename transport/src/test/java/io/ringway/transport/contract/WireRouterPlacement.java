package io.ringway.transport.contract;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.router.RouterPlacement;
import io.ringway.patterns.router.RouterSpec;
import io.ringway.patterns.testing.Runtimes;
import io.ringway.runtime.Ringway;
import io.ringway.transport.zmq.ZmqLink;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;

/**
 * The router and the first dealer in the runtime under test, every other dealer in a second runtime in this JVM,
 * linked over {@code tcp://} or {@code ipc://}: the router's side binds its remote dealers (a ROUTER link) and the
 * dealers' side declares the same operator with those dealers and a remote router, so that each dealer has a
 * DEALER link of its own, connected, whose routing id is its actor name. So one router serves a local and remote
 * dealers at once. Both runtimes have every dispatcher the test declares.
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public final class WireRouterPlacement implements RouterPlacement
{
    private final WireScheme scheme;
    private final Path runtimeDirectory;
    private List<String> remoteDealers = List.of();

    /**
     * @param scheme           what the two runtimes are linked over.
     * @param runtimeDirectory the test's temporary directory; each runtime keeps its counters file in its own
     *                         directory under it.
     */
    public WireRouterPlacement(final WireScheme scheme, final Path runtimeDirectory)
    {
        this.scheme = scheme;
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public Runtimes start(
        final String operator,
        final Consumer<TopologyBuilder> everywhere,
        final String router,
        final Consumer<TopologyBuilder> routerSide,
        final List<String> dealerNames,
        final BiConsumer<TopologyBuilder, String> dealer)
    {
        final List<String> localDealers = dealerNames.subList(0, 1);
        remoteDealers = List.copyOf(dealerNames.subList(1, dealerNames.size()));
        final String[] linkName = new String[1];
        final TopologyBuilder routing = side("router-side", everywhere, routerSide);
        localDealers.forEach(name -> dealer.accept(routing, name));
        final Ringway routerRuntime = routing
            .router(operator, spec ->
            {
                spec.router(router)
                    .dealers(localDealers.toArray(new String[0]))
                    .remoteDealers(bind(scheme.newBindEndpoint()))
                    .linkLimits(WirePlacement.TEST_LIMITS);
                linkName[0] = spec.remoteDealersAddress();
            })
            .build()
            .start();
        Ringway dealerRuntime = null;
        try
        {
            final ZmqLink link = (ZmqLink)routerRuntime.link(linkName[0]);
            final String endpoint = link.endpoints().get(0).endpoint().toString();
            final TopologyBuilder dealing = side("dealer-side", everywhere, topology -> { });
            remoteDealers.forEach(name -> dealer.accept(dealing, name));
            dealerRuntime = dealing
                .router(operator, spec -> remoteRouter(spec, endpoint))
                .build()
                .start();
            final WireRuntimes runtimes = new WireRuntimes(List.of(routerRuntime, dealerRuntime));
            runtimes.quiet().awaitHandshakes(link, remoteDealers.size());
            return runtimes;
        }
        catch (final RuntimeException | AssertionError ex)
        {
            if (null != dealerRuntime)
            {
                dealerRuntime.close();
            }
            routerRuntime.close();
            throw ex;
        }
    }

    private void remoteRouter(final RouterSpec spec, final String endpoint)
    {
        spec.dealers(remoteDealers.toArray(new String[0]))
            .remoteRouter(connect(endpoint))
            .linkLimits(WirePlacement.TEST_LIMITS);
    }

    @Override
    public boolean isRemote(final String dealer)
    {
        return remoteDealers.contains(dealer);
    }

    private TopologyBuilder side(
        final String name, final Consumer<TopologyBuilder> everywhere, final Consumer<TopologyBuilder> members)
    {
        final TopologyBuilder topology = WireSides.side(runtimeDirectory, name, everywhere);
        members.accept(topology);
        return topology;
    }
}
