package io.ringway.patterns.router;

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
 * A dealer's request, the router's lookup of its identity and the echo by identity allocate nothing in steady
 * state.
 */
class RouterAllocationTest
{
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 50_000;
    /** At most: a round that allocates nothing ends the measurement. */
    private static final int ROUNDS = 5;

    @TempDir
    Path runtimeDirectory;

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);

    private Dealer dealer;
    private long echoed;
    private long replies;

    private final class EchoingRouter implements Actor
    {
        private final Router router;

        EchoingRouter(final ActorContext context)
        {
            router = context.attachment("venues", Router.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (router.offer(router.identityOf(header), buffer, offset, length) >= 0)
            {
                echoed++;
            }
        }
    }

    private final class CountingDealer implements Actor
    {
        CountingDealer(final ActorContext context)
        {
            dealer = context.attachment("venues", Dealer.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            replies++;
        }
    }

    @Test
    void shouldAllocateNothingPerRoundTrip()
    {
        try (Ringway ringway = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .callerDispatcher("main")
            .actor("sor", EchoingRouter::new)
            .actor("v0", CountingDealer::new)
            .actor("v1", CountingDealer::new)
            .router("venues", r -> r.router("sor").dealers("v1", "v0"))
            .build()
            .start())
        {
            final AgentInvoker invoker = ringway.invoker("main");
            final DutyCycles.IndexedSend send = this::send;
            DutyCycles.sendEachAndRun(invoker, WARM_UP, send);
            final AllocationMeter.Rounds rounds =
                AllocationMeter.untilACleanRound(ROUNDS, () -> DutyCycles.sendEachAndRun(invoker, MEASURED, send));

            final long total = WARM_UP + (long)rounds.count() * MEASURED;
            assertEquals(total, echoed, "every request echoed");
            assertEquals(total, replies, "every echo delivered");
            assertEquals(0, rounds.last(), "bytes allocated per round of " + MEASURED + " round trips: "
                + rounds);
        }
    }

    /** Sends request {@code index} from the dealer to the router, which echoes it. */
    private long send(final int index)
    {
        message.putLong(0, index);
        return dealer.offer(message, 0, 16);
    }
}
