package io.ringway.patterns.usage;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutPublisher;
import io.ringway.patterns.gather.GatherResult;
import io.ringway.patterns.gather.Gatherer;
import io.ringway.patterns.pair.PairEnd;
import io.ringway.patterns.pipeline.PipelineSource;
import io.ringway.patterns.pipeline.PipelineStage;
import io.ringway.patterns.reqrep.Requester;
import io.ringway.patterns.roundrobin.RoundRobinSender;
import io.ringway.patterns.roundrobin.RoundRobinStrategy;
import io.ringway.patterns.router.Dealer;
import io.ringway.patterns.router.Router;
import io.ringway.runtime.CloseReport;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Pins how the public API reads from Java: every operator in one topology, written as a user would, with the
 * common runtime calls. It lives outside the {@code io.ringway.patterns} packages so that it compiles against
 * public types and members only; if a change makes it read worse, that change should be looked at twice.
 * <p>
 * At run time one tick goes the whole way round (fan-out, round-robin, request-reply, pipeline) and the runtime
 * must close with nothing discarded.
 */
class PublicApiReadsTest
{
    @TempDir
    Path runtimeDirectory;

    private final AtomicLong persisted = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();

    @Test
    void shouldBuildRunAndCloseATopologyWithEveryOperator()
    {
        final Ringway ringway = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory).drainTimeout(Duration.ofSeconds(5)))
            .dispatcher("md", Idle.BACKOFF)
            .dispatcher("orders")
            .actor("feed", Feed::new, actor -> actor.dispatcher("md").ringSize(1024))
            .actor("strategy", Trader::new)
            .actor("risk1", Risk::new)
            .actor("risk2", Risk::new)
            .actor("gateway", Gateway::new, actor -> actor.dispatcher("orders"))
            .actor("validate", Stage::new, actor -> actor.dispatcher("orders"))
            .actor("persist", context -> (buffer, offset, length, header) -> persisted.incrementAndGet())
            .actor("quoter", Quoter::new)
            .actor("venue1", Venue::new)
            .actor("venue2", Venue::new)
            .actor("hedgeA", Hedger::new)
            .actor("hedgeB", Hedger::new)
            .actor("sor", Sor::new)
            .actor("lit", Dark::new)
            .actor("dark", Dark::new)
            .fanOut("prices", prices -> prices.publisher("feed").subscriber("strategy", Delivery.LOSSLESS, "EUR"))
            .roundRobin("orders", orders -> orders.senders("strategy").workers("risk1", "risk2")
                .strategy(RoundRobinStrategy.KEY_AFFINITY).key((buffer, offset, length) -> buffer.getLong(offset)))
            .requestReply("execution", execution -> execution.requesters("risk1", "risk2").replier("gateway")
                .timeout(Duration.ofMillis(500)).retries(1))
            .pipeline("journal", journal -> journal.publisher("gateway").step("validate").step("persist"))
            .gather("quotes", quotes -> quotes.requester("quoter").members("venue1", "venue2").quorum(1)
                .deadline(Duration.ofMillis(10)))
            .pair("hedge", hedge -> hedge.ends("hedgeA", "hedgeB"))
            .router("venues", venues -> venues.router("sor").dealers("lit", "dark"))
            .build();
        assertNotNull(ringway, "build() validated every operator");

        ringway.start();
        final SlotClaim claim = new SlotClaim();
        final long claimed = ringway.actor("feed").tryClaim(8, claim);
        assertTrue(claimed >= 0, SendResult.describe(claimed));
        claim.buffer().putLong(0, 42);
        claim.commit();
        final UnsafeBuffer tick = new UnsafeBuffer(new byte[8]);
        final long sent = ringway.actor("feed").send(tick, 0, 8, TimeUnit.SECONDS.toNanos(1), new BackoffIdleStrategy());
        assertTrue(sent >= 0, SendResult.describe(sent));
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (persisted.get() < 2 || answered.get() < 2)
        {
            assertTrue(deadlineNs - System.nanoTime() > 0, "tick did not go round: " + persisted + ", " + answered);
            LockSupport.parkNanos(100_000);
        }

        ringway.close();
        final CloseReport report = ringway.closeReport();
        assertTrue(report.drained(), report::toString);
        assertEquals(0, report.discarded(), report::toString);
        assertEquals(2, persisted.get(), "each tick was journalled once");
    }

    /** Publishes each tick under a topic: fan-out. */
    static final class Feed implements Actor
    {
        private final FanOutPublisher prices;
        private final UnsafeBuffer topic = new UnsafeBuffer("EURUSD".getBytes());

        Feed(final ActorContext context)
        {
            prices = context.attachment("prices", FanOutPublisher.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            prices.publish(topic, 0, topic.capacity(), buffer, offset, length);
        }
    }

    /** Turns ticks into orders, by key: round-robin. */
    static final class Trader implements Actor
    {
        private final RoundRobinSender orders;

        Trader(final ActorContext context)
        {
            orders = context.attachment("orders", RoundRobinSender.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            orders.offer(buffer, offset, length);
        }
    }

    /** Asks the gateway, with a deadline: request-reply. */
    final class Risk implements Actor
    {
        private final Requester gateway;

        Risk(final ActorContext context)
        {
            gateway = context.attachment("execution", Requester.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (header.messageType() == PatternMessages.TIMEOUT)
            {
                return; // header.correlationId() got no reply, after every retry; counted
            }
            if (header.correlationId() != 0)
            {
                answered.incrementAndGet(); // the reply to request header.correlationId()
                return;
            }
            final long correlationId = gateway.request(buffer, offset, length);
            assertTrue(correlationId > 0, SendResult.describe(correlationId));
        }
    }

    /** Replies, and journals each order zero-copy: pipeline. */
    static final class Gateway implements Actor
    {
        private final ActorContext context;
        private final PipelineSource journal;
        private final SlotClaim claim = new SlotClaim();

        Gateway(final ActorContext context)
        {
            this.context = context;
            journal = context.attachment("journal", PipelineSource.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            context.reply(buffer, offset, length);
            if (journal.tryClaim(length, claim) >= 0)
            {
                claim.buffer().putBytes(0, buffer, offset, length);
                claim.commit();
            }
        }
    }

    /** Marks each journalled order in place, for the next step. */
    static final class Stage implements Actor
    {
        private final PipelineStage journal;

        Stage(final ActorContext context)
        {
            journal = context.attachment("journal", PipelineStage.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            journal.mutableBuffer().putByte(offset, (byte)1);
        }
    }

    /** Asks both venues three times, a millisecond apart, and takes the first answer: gather, and timers. */
    static final class Quoter implements Actor
    {
        private final ActorContext context;
        private final Gatherer quotes;
        private final UnsafeBuffer request = new UnsafeBuffer(new byte[8]);
        private int rounds;

        Quoter(final ActorContext context)
        {
            this.context = context;
            quotes = context.attachment("quotes", Gatherer.class);
            context.scheduleTimer(context.nowNs() + 1_000_000);
        }

        @Override
        public void onTimer(final long timerId)
        {
            quotes.scatter(request, 0, 8);
            if (++rounds < 3)
            {
                context.scheduleTimer(context.nowNs() + 1_000_000);
            }
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            final GatherResult result = quotes.result();
            for (int i = 0; i < result.memberCount(); i++)
            {
                if (!result.answered(i))
                {
                    assertNotNull(result.memberName(i)); // did not answer, or (!result.reached(i)) was refused
                }
            }
        }
    }

    /** Quotes: the gather's members reply like any replier. */
    static final class Venue implements Actor
    {
        private final ActorContext context;

        Venue(final ActorContext context)
        {
            this.context = context;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            context.reply(buffer, offset, length);
        }
    }

    /** Talks to its other end only: pair. */
    static final class Hedger implements Actor
    {
        private final PairEnd hedge;

        Hedger(final ActorContext context)
        {
            hedge = context.attachment("hedge", PairEnd.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (hedge.isFromPeer(header))
            {
                assertTrue(header.senderId() == hedge.peer().id());
            }
        }
    }

    /** Routes by identity: the router of router/dealer. */
    static final class Sor implements Actor
    {
        private final Router venues;
        private final int dark;

        Sor(final ActorContext context)
        {
            venues = context.attachment("venues", Router.class);
            dark = venues.identity("dark");
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            final long result = venues.offer(venues.identityOf(header) == dark ? dark : 0, buffer, offset, length);
            assertNotEquals(SendResult.UNROUTABLE, result);
        }
    }

    /** A dealer of router/dealer. */
    static final class Dark implements Actor
    {
        private final Dealer venues;

        Dark(final ActorContext context)
        {
            venues = context.attachment("venues", Dealer.class);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (venues.isFromRouter(header))
            {
                venues.offer(buffer, offset, length);
            }
        }
    }
}
