package io.ringway.patterns.roundrobin;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The send and receive path of a round-robin allocates nothing in steady state, for every strategy.
 */
class RoundRobinAllocationTest
{
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 50_000;
    /** At most: a round that allocates nothing ends the measurement. */
    private static final int ROUNDS = 5;

    @TempDir
    Path runtimeDirectory;

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);

    private RoundRobinSender sender;
    private long handled;

    private final class Sender implements Actor
    {
        Sender(final ActorContext context)
        {
            sender = context.attachment("orders", RoundRobinSender.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
        }
    }

    @ParameterizedTest
    @EnumSource(RoundRobinStrategy.class)
    void shouldAllocateNothingPerMessage(final RoundRobinStrategy strategy)
    {
        try (Ringway ringway = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            .callerDispatcher("main")
            .actor("s", Sender::new)
            .actor("w1", context -> (buffer, offset, length, header) -> handled++)
            .actor("w2", context -> (buffer, offset, length, header) -> handled++)
            .actor("w3", context -> (buffer, offset, length, header) -> handled++)
            .roundRobin("orders", rr -> rr.senders("s").workers("w1", "w2", "w3").strategy(strategy)
                .key(strategy == RoundRobinStrategy.KEY_AFFINITY ?
                    (buffer, offset, length) -> buffer.getLong(offset) : null))
            .build()
            .start())
        {
            final AgentInvoker invoker = ringway.invoker("main");
            final DutyCycles.IndexedSend send = this::send;
            DutyCycles.sendEachAndRun(invoker, WARM_UP, send);
            final AllocationMeter.Rounds rounds =
                AllocationMeter.untilACleanRound(ROUNDS, () -> DutyCycles.sendEachAndRun(invoker, MEASURED, send));

            assertEquals(WARM_UP + (long)rounds.count() * MEASURED, handled, "every message delivered");
            assertEquals(0, rounds.last(), "bytes allocated per round of " + MEASURED + " messages: "
                + rounds);
        }
    }

    /** Sends message {@code index} to the next worker. */
    private long send(final int index)
    {
        message.putLong(0, index);
        return sender.offer(message, 0, 16);
    }
}
