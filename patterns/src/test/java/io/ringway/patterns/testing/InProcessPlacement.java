package io.ringway.patterns.testing;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutSpec;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.ActorFactory;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Every member in one runtime in this process, with its counters file in the test's temporary directory; the
 * test steps the caller-run dispatchers on its own thread.
 */
public final class InProcessPlacement implements Placement
{
    private final Path runtimeDirectory;
    private Ringway ringway;

    /** @param runtimeDirectory the test's temporary directory, for the counters file. */
    public InProcessPlacement(final Path runtimeDirectory)
    {
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public TopologyBuilder newTopology(final Consumer<TopologyBuilder> everywhere)
    {
        final TopologyBuilder topology = Topology.builder();
        everywhere.accept(topology);
        return topology;
    }

    @Override
    public void placeMember(
        final TopologyBuilder topology, final String name, final ActorFactory factory, final String dispatcher)
    {
        topology.actor(name, factory, actor -> actor.dispatcher(dispatcher));
    }

    @Override
    public void fanOut(final TopologyBuilder topology, final String name, final Consumer<FanOutSpec> configure)
    {
        topology.fanOut(name, configure);
    }

    @Override
    public void publisher(final FanOutSpec operator, final String actor)
    {
        operator.publisher(actor);
    }

    @Override
    public void subscriber(
        final FanOutSpec operator, final String member, final Delivery delivery, final String... prefixes)
    {
        operator.subscriber(member, delivery, prefixes);
    }

    @Override
    public void start(final TopologyBuilder topology, final ErrorHandler errorHandler)
    {
        ringway = topology.runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory).errorHandler(errorHandler))
            .build()
            .start();
    }

    /** @return the runtime started, for the tests of what only holds in process. */
    public Ringway ringway()
    {
        return ringway;
    }

    @Override
    public void dutyCycle(final String dispatcher)
    {
        ringway.invoker(dispatcher).invoke();
    }

    @Override
    public long tell(
        final String actor, final int messageType, final DirectBuffer buffer, final int offset, final int length)
    {
        return ringway.actor(actor).offer(messageType, 0, buffer, offset, length);
    }

    @Override
    public long counter(final String label)
    {
        return CountersFileValues.read(ringway, label);
    }

    @Override
    public void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }
}
