package io.ringway.patterns.router;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.Await;
import io.ringway.patterns.testing.Failures;
import io.ringway.patterns.testing.RuntimeContract;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.Supervision;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.CounterType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a router/dealer promises, whatever carries its messages: the router reaches exactly the dealer it
 * addresses; it learns which dealer sent each message; an identity that is no dealer's is refused with
 * {@code UNROUTABLE} and counted; a full dealer is back-pressure, not a silent drop (ROUTER_MANDATORY).
 * <p>
 * The router {@code sor} and the outsider run on the caller-run dispatcher {@code main}; each dealer
 * {@code vN} on a caller-run dispatcher of the same name, so a test can leave one dealer full. Subclasses
 * decide where the members live through {@link #start(TopologyBuilder)}.
 */
abstract class RouterContract extends RuntimeContract
{
    static final String OPERATOR = "venues";
    static final int ECHO = 1;
    static final int ECHO_BY_CONTEXT = 2;
    static final long POISON = -1;

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
    private final Map<String, Dealer> dealers = new ConcurrentHashMap<>();
    private final Map<String, ActorContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> receivedByDealer = new ConcurrentHashMap<>();
    private final List<String> receivedByRouter = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> echoResults = Collections.synchronizedList(new ArrayList<>());
    private final Failures failures = new Failures();
    private volatile Router router;

    /** @return a topology whose runtime ignores failures: the poisoned dealers' are expected. */
    private TopologyBuilder topologyIgnoringErrors()
    {
        return topology().runtime(runtime -> runtime.errorHandler(error -> { }));
    }

    /** Router {@code sor} and outsider on {@code main}; dealers {@code v0 .. vN-1}, each on its own dispatcher. */
    private void startRouter(final int routerRingSize, final int... dealerRingSizes)
    {
        final TopologyBuilder topology = topologyIgnoringErrors()
            .callerDispatcher("main")
            .actor("sor", this::newRouter, options -> options.ringSize(routerRingSize))
            .actor("outsider", this::newOutsider);
        final String[] dealerNames = new String[dealerRingSizes.length];
        for (int i = 0; i < dealerNames.length; i++)
        {
            final String dealer = "v" + i;
            final int ringSize = dealerRingSizes[i];
            dealerNames[i] = dealer;
            receivedByDealer.put(dealer, Collections.synchronizedList(new ArrayList<>()));
            topology.callerDispatcher(dealer).actor(dealer, this::newDealer,
                options -> options.dispatcher(dealer).ringSize(ringSize).supervision(Supervision.STOP));
        }
        ringway = start(topology.router(OPERATOR, r -> r.router("sor").dealers(dealerNames)));
    }

    /** Records {@code dealerName:value} of what it gets; echoes by identity or by context when asked. */
    private Actor newRouter(final ActorContext context)
    {
        final Router router = context.attachment(OPERATOR, Router.class);
        this.router = router;
        return (buffer, offset, length, header) ->
        {
            final int identity = router.identityOf(header);
            final long value = buffer.getLong(offset);
            receivedByRouter.add((identity == Router.NO_IDENTITY ? "?" : router.dealerName(identity)) + ":" + value);
            if (header.messageType() == ECHO)
            {
                echoResults.add(router.offer(identity, buffer, offset, length));
            }
            else if (header.messageType() == ECHO_BY_CONTEXT)
            {
                echoResults.add(context.reply(buffer, offset, length));
            }
        };
    }

    private Actor newDealer(final ActorContext context)
    {
        final Dealer dealer = context.attachment(OPERATOR, Dealer.class);
        final List<Long> log = receivedByDealer.get(context.name());
        dealers.put(context.name(), dealer);
        return (buffer, offset, length, header) ->
        {
            final long value = buffer.getLong(offset);
            if (value == POISON)
            {
                throw new IllegalStateException("poisoned");
            }
            if (!dealer.isFromRouter(header))
            {
                failures.record(context.name() + " got " + value + " from " + header.senderId() + ", not the router");
            }
            log.add(value);
        };
    }

    private Actor newOutsider(final ActorContext context)
    {
        contexts.put(context.name(), context);
        return (buffer, offset, length, header) -> { };
    }

    private long routerOffer(final int identity, final long value)
    {
        message.putLong(0, value);
        return router.offer(identity, message, 0, 8);
    }

    private long dealerOffer(final String dealer, final int messageType, final long value)
    {
        message.putLong(0, value);
        return dealers.get(dealer).offer(messageType, 0, message, 0, 8);
    }

    private void mainCycle()
    {
        runUntilIdle("main");
    }

    /** Runs the dealer's dispatcher until it has nothing left to do: what it has received so far. */
    private List<Long> dealerReceived(final String dealer)
    {
        runUntilIdle(dealer);
        return receivedByDealer.get(dealer);
    }

    private void awaitDealer(final String dealer, final int count)
    {
        runUntil(dealer, () -> receivedByDealer.get(dealer).size() >= count,
            () -> dealer + " received " + receivedByDealer.get(dealer));
    }

    private void awaitRouter(final int count)
    {
        runUntil("main", () -> receivedByRouter.size() >= count,
            () -> "router received " + receivedByRouter);
    }

    @Test
    void shouldRouteToTheAddressedDealerOnly()
    {
        startRouter(64, 16, 16, 16);
        assertTrue(routerOffer(router.identity("v1"), 11) >= 0);
        assertTrue(routerOffer(router.identity("v2"), 12) >= 0);
        assertTrue(routerOffer(router.identity("v1"), 13) >= 0);

        awaitDealer("v1", 2);
        awaitDealer("v2", 1);
        assertEquals(List.of(11L, 13L), dealerReceived("v1"));
        assertEquals(List.of(12L), dealerReceived("v2"));
        assertEquals(List.of(), dealerReceived("v0"));
        assertEquals(List.of(), failures.list(), "every message came from the router");
        assertEquals(3, counter("sor", CounterType.SENT));
    }

    @Test
    void shouldNameDealersByTheirPositionInTheDeclaration()
    {
        startRouter(64, 16, 16, 16);
        assertEquals(3, router.dealerCount());
        for (int identity = 0; identity < 3; identity++)
        {
            assertEquals(identity, router.identity("v" + identity));
            assertEquals("v" + identity, router.dealerName(identity));
        }
    }

    @Test
    void shouldTellTheRouterWhichDealerSent()
    {
        startRouter(64, 16, 16, 16);
        assertTrue(dealerOffer("v2", 0, 1) >= 0);
        assertTrue(dealerOffer("v0", 0, 2) >= 0);
        assertTrue(dealerOffer("v1", 0, 3) >= 0);

        awaitRouter(3);
        assertEquals(List.of("v2:1", "v0:2", "v1:3"), receivedByRouter);
        assertEquals(1, counter("v2", CounterType.SENT), "sent as the dealer actor");
    }

    @Test
    void shouldReplyByIdentityToTheDealerThatSent()
    {
        startRouter(64, 16, 16, 16);
        assertTrue(dealerOffer("v1", ECHO, 21) >= 0);
        assertTrue(dealerOffer("v2", ECHO, 22) >= 0);
        awaitRouter(2);

        awaitDealer("v1", 1);
        awaitDealer("v2", 1);
        assertEquals(List.of(21L), dealerReceived("v1"));
        assertEquals(List.of(22L), dealerReceived("v2"));
        assertEquals(List.of(), dealerReceived("v0"));
        assertEquals(2, echoResults.stream().filter(result -> result >= 0).count(), echoResults.toString());
    }

    @Test
    void shouldAlsoReachTheSendingDealerWithContextReply()
    {
        startRouter(64, 16, 16);
        assertTrue(dealerOffer("v1", ECHO_BY_CONTEXT, 31) >= 0);
        awaitRouter(1);

        awaitDealer("v1", 1);
        assertEquals(List.of(31L), dealerReceived("v1"));
        assertEquals(List.of(), failures.list(), "the reply came from the router");
    }

    @Test
    void shouldRefuseAnIdentityThatIsNoDealersWithUnroutable()
    {
        startRouter(64, 16, 16);
        for (final int identity : new int[]{Router.NO_IDENTITY, 2, 3, Integer.MAX_VALUE, Integer.MIN_VALUE})
        {
            assertEquals(SendResult.UNROUTABLE, routerOffer(identity, 1), "identity " + identity);
        }
        assertEquals(SendResult.UNROUTABLE, router.tryClaim(2, 8, new SlotClaim()));

        assertEquals(6, router.unroutable(), "every refusal counted");
        assertEquals(0, counter("sor", CounterType.SENT), "nothing sent");
        assertEquals(List.of(), dealerReceived("v0"));
        assertEquals(List.of(), dealerReceived("v1"));
    }

    @Test
    void shouldGiveNoIdentityToASenderThatIsNoDealer()
    {
        startRouter(64, 16, 16);
        final ActorContext outsider = contexts.get("outsider");
        message.putLong(0, 41);
        assertTrue(outsider.send(outsider.lookup("sor"), ECHO, 0, message, 0, 8) >= 0);
        awaitRouter(1);

        assertEquals(List.of("?:41"), receivedByRouter);
        assertEquals(List.of(SendResult.UNROUTABLE), echoResults, "an answer to a non-dealer is unroutable");
        assertEquals(1, router.unroutable());
    }

    @Test
    void shouldGiveNoIdentityToAnySenderIdThatIsNoDealers()
    {
        startRouter(64, 16, 16);
        final ActorContext outsider = contexts.get("outsider");
        for (final int senderId : new int[]{-1, Integer.MIN_VALUE, Integer.MAX_VALUE, outsider.self().id(),
            outsider.lookup("sor").id(), outsider.lookup("v1").id() + 1})
        {
            assertEquals(Router.NO_IDENTITY, router.identityOf(senderId), "sender id " + senderId);
        }
        assertEquals(0, router.identityOf(outsider.lookup("v0").id()));
        assertEquals(1, router.identityOf(outsider.lookup("v1").id()));
    }

    @Test
    void shouldThrowForAnUnknownDealerNameOnTheControlPlane()
    {
        startRouter(64, 16, 16);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> router.identity("v9"));
        assertEquals("router/dealer 'venues': 'v9' is not a dealer; dealers are [v0, v1]", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> router.identity("sor"), "the router is no dealer");
    }

    @Test
    void shouldBackPressureAFullDealerRatherThanDropTheMessage()
    {
        startRouter(64, 2, 16);
        final int v0 = router.identity("v0");
        final int v1 = router.identity("v1");
        assertTrue(routerOffer(v0, 1) >= 0);
        assertTrue(routerOffer(v0, 2) >= 0);
        assertEquals(SendResult.BACK_PRESSURED, routerOffer(v0, 3));
        assertTrue(routerOffer(v1, 9) >= 0, "other dealers carry on");
        assertEquals(1, counter("v0", CounterType.BACK_PRESSURED));
        assertEquals(0, counter("v0", CounterType.DROPPED), "refused with a code, not dropped");

        awaitDealer("v0", 2);
        assertTrue(routerOffer(v0, 3) >= 0);
        awaitDealer("v0", 3);
        assertEquals(List.of(1L, 2L, 3L), dealerReceived("v0"));
    }

    @Test
    void shouldBackPressureADealerWhenTheRouterIsFull()
    {
        startRouter(2, 16, 16);
        assertTrue(dealerOffer("v0", 0, 1) >= 0);
        assertTrue(dealerOffer("v1", 0, 2) >= 0);
        assertEquals(SendResult.BACK_PRESSURED, dealerOffer("v0", 0, 3));

        mainCycle();
        assertTrue(dealerOffer("v0", 0, 3) >= 0);
        awaitRouter(3);
        assertEquals(List.of("v0:1", "v1:2", "v0:3"), receivedByRouter);
    }

    @Test
    void shouldReturnClosedForADealerThatHasStopped()
    {
        startRouter(64, 16, 16);
        assertTrue(routerOffer(router.identity("v0"), POISON) >= 0);
        dealerReceived("v0");

        assertEquals(SendResult.CLOSED, routerOffer(router.identity("v0"), 1));
        assertTrue(routerOffer(router.identity("v1"), 1) >= 0);
        assertEquals(0, router.unroutable(), "a stopped dealer is closed, not unknown");
    }

    @Test
    void shouldSendZeroCopyBothWays()
    {
        startRouter(64, 16, 16);
        final SlotClaim claim = new SlotClaim();
        assertTrue(router.tryClaim(router.identity("v1"), 8, claim) >= 0);
        claim.buffer().putLong(0, 51);
        claim.commit();
        assertTrue(dealers.get("v0").tryClaim(8, claim) >= 0);
        claim.buffer().putLong(0, 52);
        claim.commit();

        awaitDealer("v1", 1);
        awaitRouter(1);
        assertEquals(List.of(51L), dealerReceived("v1"));
        assertEquals(List.of("v0:52"), receivedByRouter);
    }

    /**
     * Three dealers on their own threads keep a window of requests in flight to a router on a fourth thread,
     * which echoes each one by the sender's identity, while an outsider on a fifth thread sends it messages that
     * it cannot answer: every dealer gets all its replies once and in order, the router sees each dealer's
     * requests in order, and every answer to the outsider is refused as unroutable and counted.
     */
    @Test
    void shouldRouteEveryReplyToItsDealerInOrderUnderConcurrentDealers()
    {
        final int dealerCount = 3;
        final int perDealer = 4_000;
        final int window = 32;
        final int fromOutsider = 2_000;
        final AtomicLong[] repliesByDealer = new AtomicLong[dealerCount];
        final AtomicLong outsiderSeen = new AtomicLong();
        final TopologyBuilder topology = topologyIgnoringErrors()
            .dispatcher("router", Idle.BACKOFF)
            .dispatcher("outsider", Idle.BACKOFF)
            .actor("sor", context -> new EchoingRouter(context, dealerCount, outsiderSeen),
                options -> options.dispatcher("router").ringSize(256))
            .actor("outsider", context -> new Outsider(context, fromOutsider), options -> options.dispatcher("outsider"));
        final String[] dealerNames = new String[dealerCount];
        for (int d = 0; d < dealerCount; d++)
        {
            final int index = d;
            dealerNames[d] = "v" + d;
            repliesByDealer[d] = new AtomicLong();
            topology.dispatcher(dealerNames[d], Idle.BACKOFF).actor(dealerNames[d],
                context -> new WindowedDealer(context, perDealer, window, repliesByDealer[index]),
                options -> options.dispatcher("v" + index).ringSize(64));
        }
        ringway = start(topology.router(OPERATOR, r -> r.router("sor").dealers(dealerNames)));

        Await.until(() ->
        {
            for (final AtomicLong replies : repliesByDealer)
            {
                if (replies.get() < perDealer)
                {
                    return failures.any();
                }
            }
            return outsiderSeen.get() >= fromOutsider || failures.any();
        }, () -> "replies " + List.of(repliesByDealer) + ", outsider seen " + outsiderSeen + " " + failures);
        assertEquals(List.of(), failures.list());
        for (final AtomicLong replies : repliesByDealer)
        {
            assertEquals(perDealer, replies.get());
        }
        assertEquals(fromOutsider, outsiderSeen.get());
        assertEquals(fromOutsider, router.unroutable(), "every answer to the outsider refused and counted");
    }

    /** Checks each dealer's requests arrive in order and echoes them by identity; tries to answer outsiders. */
    private final class EchoingRouter implements Actor
    {
        private final Router router;
        private final long[] nextExpected;
        private final AtomicLong outsiderSeen;

        EchoingRouter(final ActorContext context, final int dealerCount, final AtomicLong outsiderSeen)
        {
            this.router = context.attachment(OPERATOR, Router.class);
            this.nextExpected = new long[dealerCount];
            this.outsiderSeen = outsiderSeen;
            RouterContract.this.router = router;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            final int identity = router.identityOf(header);
            final long result = router.offer(identity, buffer, offset, length);
            if (identity == Router.NO_IDENTITY)
            {
                if (result != SendResult.UNROUTABLE)
                {
                    failures.record("answer to the outsider: " + SendResult.describe(result));
                }
                outsiderSeen.incrementAndGet();
                return;
            }
            final long value = buffer.getLong(offset);
            if (value != nextExpected[identity])
            {
                failures.record("router got " + value + " from " + identity + ", expected " + nextExpected[identity]);
            }
            nextExpected[identity] = value + 1;
            if (result < 0)
            {
                failures.record("echo to " + identity + ": " + SendResult.describe(result));
            }
        }
    }

    /** Keeps up to a window of numbered requests in flight; checks the echoes come back once and in order. */
    private final class WindowedDealer implements Actor
    {
        private final ActorContext context;
        private final Dealer dealer;
        private final int count;
        private final int window;
        private final AtomicLong replies;
        private final UnsafeBuffer out = new UnsafeBuffer(new byte[8]);
        private long next;
        private long nextReply;
        private boolean wakePending;

        WindowedDealer(final ActorContext context, final int count, final int window, final AtomicLong replies)
        {
            this.context = context;
            this.dealer = context.attachment(OPERATOR, Dealer.class);
            this.count = count;
            this.window = window;
            this.replies = replies;
            wakeLater();
        }

        private void wakeLater()
        {
            if (!wakePending)
            {
                wakePending = true;
                if (context.send(context.self(), out, 0, 0) < 0)
                {
                    failures.record(context.name() + " could not wake itself");
                }
            }
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (dealer.isFromRouter(header))
            {
                final long value = buffer.getLong(offset);
                if (value != nextReply)
                {
                    failures.record(context.name() + " got reply " + value + ", expected " + nextReply);
                }
                nextReply = value + 1;
                replies.incrementAndGet();
            }
            else
            {
                wakePending = false;
            }
            while (next < count && next - nextReply < window)
            {
                out.putLong(0, next);
                final long result = dealer.offer(out, 0, 8);
                if (result == SendResult.BACK_PRESSURED)
                {
                    wakeLater();
                    return;
                }
                if (result < 0)
                {
                    failures.record(context.name() + " request " + next + ": " + SendResult.describe(result));
                    return;
                }
                next++;
            }
        }
    }

    /** Sends the router messages it cannot answer, retrying later whenever the router pushes back. */
    private final class Outsider implements Actor
    {
        private static final int BATCH = 32;
        private final ActorContext context;
        private final int count;
        private final UnsafeBuffer out = new UnsafeBuffer(new byte[8]);
        private int sent;

        Outsider(final ActorContext context, final int count)
        {
            this.context = context;
            this.count = count;
            context.send(context.self(), out, 0, 0);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            for (int i = 0; i < BATCH && sent < count; i++)
            {
                out.putLong(0, -2 - sent);
                final long result = context.send(context.lookup("sor"), out, 0, 8);
                if (result == SendResult.BACK_PRESSURED)
                {
                    break;
                }
                if (result < 0)
                {
                    failures.record("outsider: " + SendResult.describe(result));
                    return;
                }
                sent++;
            }
            if (sent < count)
            {
                context.send(context.self(), out, 0, 0);
            }
        }
    }
}
