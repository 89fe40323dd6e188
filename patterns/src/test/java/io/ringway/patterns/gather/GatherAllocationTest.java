package io.ringway.patterns.gather;

import io.ringway.patterns.Topology;
import io.ringway.patterns.testing.AllocationMeter;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The steady state allocates nothing: scatter, replies, completion by the rule and by the deadline, and late
 * replies, measured on the one thread that runs a caller-run dispatcher with requester and members on it. The
 * bar is zero bytes per gather: the smallest object allocated per gather would show as at least 16 bytes each,
 * while the JIT may, once in a while, allocate a few bytes on this thread when it deoptimises and recompiles.
 */
class GatherAllocationTest
{
    private static final int GATHERS = 20_000;
    // Long enough for the JIT to settle: compilation can allocate on this thread once.
    private static final int WARM_UP_GATHERS = 100_000;
    private static final long DEADLINE_NS = 1_000_000;
    private static final ActorFactory ECHO =
        context -> (buffer, offset, length, header) -> context.reply(buffer, offset, length);
    private static final ActorFactory SILENT = context -> (buffer, offset, length, header) -> { };

    @TempDir
    Path runtimeDirectory;

    private final CachedNanoClock clock = new CachedNanoClock();
    private final UnsafeBuffer request = new UnsafeBuffer(new byte[64]);
    private Ringway ringway;
    private Gatherer gatherer;
    private int results;
    private long replyBytes;

    @AfterEach
    void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }

    private final class Quoter implements Actor
    {
        Quoter(final ActorContext context)
        {
            gatherer = context.attachment("quotes", Gatherer.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            final GatherResult result = gatherer.result();
            results++;
            for (int i = 0; i < result.memberCount(); i++)
            {
                if (result.answered(i))
                {
                    replyBytes += result.replyLength(i);
                }
            }
        }
    }

    private AgentInvoker start(final ActorFactory venue2, final ActorFactory venue3)
    {
        ringway = Topology.builder()
            .runtime(runtime -> runtime.clock(clock).runtimeDirectory(runtimeDirectory))
            .callerDispatcher("main")
            .actor("quoter", Quoter::new)
            .actor("venue1", ECHO)
            .actor("venue2", venue2)
            .actor("venue3", venue3)
            .gather("quotes", g -> g.requester("quoter").members("venue1", "venue2", "venue3").quorum(2)
                .deadline(Duration.ofNanos(DEADLINE_NS)).maxInFlight(4))
            .build()
            .start();
        return ringway.invoker("main");
    }

    private void gathers(final AgentInvoker invoker, final int count, final long elapseNs)
    {
        for (int i = 0; i < count; i++)
        {
            request.putLong(0, i);
            assertTrue(gatherer.scatter(request, 0, 8) > 0);
            invoker.invoke();
            invoker.invoke();
            clock.advance(elapseNs);
            invoker.invoke();
        }
    }

    @Test
    void shouldAllocateNothingPerGatherCompletedByItsQuorumWithALateReply()
    {
        final AgentInvoker invoker = start(ECHO, ECHO);
        gathers(invoker, WARM_UP_GATHERS, 0);

        final long allocated = AllocationMeter.bytesAllocatedBy(() -> gathers(invoker, GATHERS, 0));

        assertEquals(WARM_UP_GATHERS + GATHERS, results);
        assertEquals(2L * results * 8, replyBytes, "two replies kept per gather");
        assertEquals(WARM_UP_GATHERS + GATHERS, gatherer.lateReplies(), "the third reply came late");
        assertEquals(0, allocated / GATHERS, allocated + " bytes allocated by " + GATHERS + " gathers");
    }

    @Test
    void shouldAllocateNothingPerGatherCompletedByItsDeadline()
    {
        final AgentInvoker invoker = start(SILENT, SILENT);
        gathers(invoker, WARM_UP_GATHERS, DEADLINE_NS + 1);

        final long allocated = AllocationMeter.bytesAllocatedBy(() -> gathers(invoker, GATHERS, DEADLINE_NS + 1));

        assertEquals(WARM_UP_GATHERS + GATHERS, gatherer.expiredGathers());
        assertEquals(2L * (WARM_UP_GATHERS + GATHERS), gatherer.missedReplies());
        assertEquals(0, allocated / GATHERS, allocated + " bytes allocated by " + GATHERS + " gathers");
    }
}
