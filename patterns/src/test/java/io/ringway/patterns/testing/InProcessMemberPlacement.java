package io.ringway.patterns.testing;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.gather.GatherSpec;
import io.ringway.patterns.reqrep.RequestReplySpec;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.actor.Supervision;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Requesters and members in one runtime in this process, all on one caller-run dispatcher, {@code main}, that the
 * test thread runs; the counters file in the test's temporary directory.
 */
public final class InProcessMemberPlacement implements MemberPlacement
{
    private static final String DISPATCHER = "main";

    private final Path runtimeDirectory;
    private final UnsafeBuffer empty = new UnsafeBuffer(new byte[8]);
    private Ringway ringway;

    /** @param runtimeDirectory the test's temporary directory, for the counters file. */
    public InProcessMemberPlacement(final Path runtimeDirectory)
    {
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public TopologyBuilder newTopology(final Consumer<RingwayBuilder> settings)
    {
        return Topology.builder()
            .runtime(runtime -> settings.accept(runtime.runtimeDirectory(runtimeDirectory)))
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
        topology.actor(name, factory, actor -> actor.ringSize(ringSize).supervision(Supervision.RESUME));
    }

    @Override
    public void repliers(final RequestReplySpec operator, final String... memberNames)
    {
        operator.repliers(memberNames);
    }

    @Override
    public void members(final GatherSpec operator, final String... memberNames)
    {
        operator.members(memberNames);
    }

    @Override
    public Ringway start(final TopologyBuilder topology)
    {
        ringway = topology.build().start();
        return ringway;
    }

    @Override
    public void runUntilIdle()
    {
        DutyCycles.runUntilIdle(ringway.invoker(DISPATCHER));
    }

    @Override
    public long tell(final String actor, final int messageType)
    {
        return ringway.actor(actor).offer(messageType, 0, empty, 0, 0);
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
