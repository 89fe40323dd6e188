package io.ringway.patterns.reqrep;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.actor.Supervision;
import org.agrona.concurrent.AgentInvoker;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The correlate-reply contract with every member in one runtime, on one caller-run dispatcher driven by the
 * test thread.
 */
class InProcessRequestReplyTest extends RequestReplyContract
{
    private static final int MAX_DUTY_CYCLES = 1_000;

    @Override
    TopologyBuilder newTopology()
    {
        return Topology.builder()
            .runtime(runtime -> runtime
                .clock(clock)
                .runtimeDirectory(runtimeDirectory)
                .errorHandler(errors::add)
                .closeReportHandler(report -> { }))
            .callerDispatcher("main");
    }

    @Override
    void placeRequester(final TopologyBuilder topology, final String name, final ActorFactory factory)
    {
        topology.actor(name, factory);
    }

    @Override
    void placeReplier(final TopologyBuilder topology, final String name, final ActorFactory factory, final int ringSize)
    {
        topology.actor(name, factory, actor -> actor.ringSize(ringSize).supervision(Supervision.RESUME));
    }

    @Override
    Ringway start(final TopologyBuilder topology)
    {
        return topology.build().start();
    }

    @Override
    void runUntilIdle()
    {
        final AgentInvoker invoker = ringway.invoker("main");
        for (int i = 0; i < MAX_DUTY_CYCLES; i++)
        {
            if (0 == invoker.invoke())
            {
                return;
            }
        }
        fail("still busy after " + MAX_DUTY_CYCLES + " duty cycles");
    }

    @Override
    void tell(final String actorName, final int messageType)
    {
        if (ringway.actor(actorName).offer(messageType, 0, buffer, 0, 0) < 0)
        {
            fail("could not tell " + actorName);
        }
    }
}
