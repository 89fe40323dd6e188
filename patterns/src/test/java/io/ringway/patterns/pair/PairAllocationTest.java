package io.ringway.patterns.pair;

import io.ringway.patterns.Topology;
import io.ringway.patterns.testing.AllocationMeter;
import io.ringway.patterns.testing.DutyCycles;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Sending through a pair and delivering at the other end allocates nothing in steady state.
 */
class PairAllocationTest
{
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 50_000;
    /** At most: a round that allocates nothing ends the measurement. */
    private static final int ROUNDS = 5;

    @TempDir
    Path runtimeDirectory;

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);

    private PairEnd endA;
    private PairEnd endB;
    private long handled;

    private final class End implements Actor
    {
        End(final ActorContext context)
        {
            final PairEnd end = context.attachment("hedge", PairEnd.class);
            if (context.name().equals("a"))
            {
                endA = end;
            }
            else
            {
                endB = end;
            }
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            handled++;
        }
    }

    @Test
    void shouldAllocateNothingPerMessage()
    {
        try (Ringway ringway = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .callerDispatcher("main")
            .actor("a", End::new)
            .actor("b", End::new)
            .pair("hedge", pair -> pair.ends("a", "b"))
            .build()
            .start())
        {
            final AgentInvoker invoker = ringway.invoker("main");
            final DutyCycles.IndexedSend send = this::send;
            DutyCycles.sendEachAndRun(invoker, WARM_UP, send);
            final AllocationMeter.Rounds rounds =
                AllocationMeter.untilACleanRound(ROUNDS, () -> DutyCycles.sendEachAndRun(invoker, MEASURED, send));

            assertEquals(2L * (WARM_UP + rounds.count() * MEASURED), handled, "every message delivered");
            assertEquals(0, rounds.last(), "bytes allocated per round of " + MEASURED + " round trips: "
                + rounds);
        }
    }

    /** Sends message {@code index} from each end to the other. */
    private long send(final int index)
    {
        message.putLong(0, index);
        final long result = endA.offer(message, 0, 16);
        return result < 0 ? result : endB.offer(message, 0, 16);
    }
}
