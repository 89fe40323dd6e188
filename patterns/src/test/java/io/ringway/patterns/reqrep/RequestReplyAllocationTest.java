package io.ringway.patterns.reqrep;

import io.ringway.patterns.PatternMessages;
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
 * The steady state allocates nothing: request, reply, retry and timeout, measured on the one thread that runs
 * a caller-run dispatcher with requester and repliers on it. The bar is zero bytes per operation: the smallest
 * object allocated per operation would show as at least 16 bytes each, while the JIT may, once in a while,
 * allocate a few bytes on this thread when it deoptimises and recompiles.
 */
class RequestReplyAllocationTest
{
    private static final int ROUND_TRIPS = 20_000;
    // Long enough for the JIT to settle: compilation can allocate on this thread once.
    private static final int WARM_UP_ROUND_TRIPS = 100_000;
    private static final long TIMEOUT_NS = 1_000_000;

    @TempDir
    Path runtimeDirectory;

    private final CachedNanoClock clock = new CachedNanoClock();
    private final UnsafeBuffer request = new UnsafeBuffer(new byte[64]);
    private Ringway ringway;
    private Requester requester;
    private int replies;
    private int timeouts;

    @AfterEach
    void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }

    private final class Client implements Actor
    {
        Client(final ActorContext context)
        {
            requester = context.attachment("gateway", Requester.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (header.messageType() == PatternMessages.TIMEOUT)
            {
                timeouts++;
            }
            else
            {
                replies++;
            }
        }
    }

    private AgentInvoker start(final String replier, final ActorFactory replierFactory)
    {
        ringway = Topology.builder()
            .runtime(runtime -> runtime.clock(clock).runtimeDirectory(runtimeDirectory))
            .callerDispatcher("main")
            .actor("client", Client::new)
            .actor(replier, replierFactory)
            .requestReply("gateway", rr -> rr.requesters("client").replier(replier)
                .timeout(Duration.ofNanos(TIMEOUT_NS)).retries(1).maxInFlight(4))
            .build()
            .start();
        return ringway.invoker("main");
    }

    private void roundTrips(final AgentInvoker invoker, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            request.putLong(0, i);
            assertTrue(requester.request(request, 0, 8) > 0);
            invoker.invoke();
            invoker.invoke();
        }
    }

    private void timeoutsAfterRetry(final AgentInvoker invoker, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            assertTrue(requester.request(request, 0, 8) > 0);
            invoker.invoke();
            clock.advance(TIMEOUT_NS + 1);
            invoker.invoke();
            clock.advance(TIMEOUT_NS + 1);
            invoker.invoke();
        }
    }

    @Test
    void shouldAllocateNothingPerRequestAndReply()
    {
        final AgentInvoker invoker = start("echo",
            context -> (buffer, offset, length, header) -> context.reply(buffer, offset, length));
        roundTrips(invoker, WARM_UP_ROUND_TRIPS);

        final long allocated = AllocationMeter.bytesAllocatedBy(() -> roundTrips(invoker, ROUND_TRIPS));

        assertEquals(WARM_UP_ROUND_TRIPS + ROUND_TRIPS, replies);
        assertEquals(0, allocated / ROUND_TRIPS, allocated + " bytes allocated by " + ROUND_TRIPS + " round trips");
    }

    @Test
    void shouldAllocateNothingPerRetryAndTimeout()
    {
        final AgentInvoker invoker = start("silent", context -> (buffer, offset, length, header) -> { });
        timeoutsAfterRetry(invoker, WARM_UP_ROUND_TRIPS);

        final long allocated = AllocationMeter.bytesAllocatedBy(() -> timeoutsAfterRetry(invoker, ROUND_TRIPS));

        assertEquals(WARM_UP_ROUND_TRIPS + ROUND_TRIPS, timeouts);
        assertEquals(WARM_UP_ROUND_TRIPS + ROUND_TRIPS, requester.retries());
        assertEquals(0, allocated / ROUND_TRIPS,
            allocated + " bytes allocated by " + ROUND_TRIPS + " retries and timeouts");
    }
}
