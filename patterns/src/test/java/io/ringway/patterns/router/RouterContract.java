package io.ringway.patterns.router;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.Await;
import io.ringway.patterns.testing.Failures;
import io.ringway.patterns.testing.Runtimes;
import io.ringway.runtime.ActorOptions;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 * {@code vN} on a caller-run dispatcher of the same name, so a test can leave one dealer full. Each dealer is
 * declared apart and the members are named on the operator only through the placement, so that subclasses decide
 * where the dealers live ({@link #placement()}); a dealer finds its identity by name ({@link #identityOf}) and a
 * command to the router travels in the body, after the value, so that both hold behind a bridge too. A remote
 * dealer is known to the router once it has sent something: {@link #startRouter} has each one say hello first.
 */
public abstract class RouterContract
{
    static final String OPERATOR = "venues";
    static final int ECHO = 1;
    static final int ECHO_BY_CONTEXT = 2;
    static final long POISON = -1;
    /** A remote dealer's first message, which introduces it; the router records nothing for it. */
    static final long HELLO = Long.MIN_VALUE;
    /** A message to the router: the value (long), then the command (int), which an 8-byte message has as 0. */
    static final int WITH_COMMAND = 12;

    /** The test's temporary directory, for the counters files of the runtimes the placement starts. */
    @TempDir
    protected Path runtimeDirectory;

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
    private final Map<String, Dealer> dealers = new ConcurrentHashMap<>();
    private final Map<String, ActorContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> receivedByDealer = new ConcurrentHashMap<>();
    private final List<String> receivedByRouter = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> echoResults = Collections.synchronizedList(new ArrayList<>());
    private final Failures failures = new Failures();
    private volatile Router router;
    private RouterPlacement placement;
    private Runtimes runtimes;

    /** @return a fresh placement for one test: where the dealers live. */
    protected abstract RouterPlacement placement();

    @AfterEach
    void close()
    {
        if (null != runtimes)
        {
            runtimes.close();
        }
    }

    /** Declares on every runtime an error handler that ignores failures: the poisoned dealers' are expected. */
    private static void ignoringErrors(final TopologyBuilder topology)
    {
        topology.runtime(runtime -> runtime.errorHandler(error -> { }));
    }

    /** Router {@code sor} and outsider on {@code main}; dealers {@code v0 .. vN-1}, each on its own dispatcher. */
    private void startRouter(final int routerRingSize, final int... dealerRingSizes)
    {
        final List<String> dealerNames = new ArrayList<>();
        final Map<String, Integer> ringSizes = new HashMap<>();
        for (int i = 0; i < dealerRingSizes.length; i++)
        {
            dealerNames.add("v" + i);
            ringSizes.put("v" + i, dealerRingSizes[i]);
            receivedByDealer.put("v" + i, Collections.synchronizedList(new ArrayList<>()));
        }
        placement = placement();
        runtimes = placement.start(OPERATOR,
            everywhere ->
            {
                ignoringErrors(everywhere);
                everywhere.callerDispatcher("main");
                dealerNames.forEach(everywhere::callerDispatcher);
            },
            "sor", side -> side
                .actor("sor", this::newRouter, options -> options.dispatcher("main").ringSize(routerRingSize))
                .actor("outsider", this::newOutsider, options -> options.dispatcher("main")),
            dealerNames, (side, dealer) -> side.actor(dealer, this::newDealer,
                options -> options.dispatcher(dealer).ringSize(ringSizes.get(dealer)).supervision(Supervision.STOP)));
        introduceRemoteDealers(dealerNames);
    }

    /** Has each remote dealer say hello, and waits until the router knows them all. */
    private void introduceRemoteDealers(final List<String> dealerNames)
    {
        int remote = 0;
        for (final String dealer : dealerNames)
        {
            if (placement.isRemote(dealer))
            {
                assertTrue(dealerOffer(dealer, 0, HELLO) >= 0, dealer + " hello");
                remote++;
            }
        }
        if (0 == remote)
        {
            return;
        }
        final int expected = remote;
        runtimes.runUntil("main", () -> router.remoteDealerCount() >= expected,
            () -> "router knows " + router.remoteDealerCount() + " of " + expected + " remote dealers");
    }

    /** @return the identity of a dealer, local (its position) or remote (known by its routing id, its name). */
    private int identityOf(final String dealer)
    {
        final int remote = router.remoteIdentity(dealer);
        return Router.NO_IDENTITY != remote ? remote : router.identity(dealer);
    }

    /** @return the name of the dealer with that identity, local or remote, or "?" for none. */
    private static String nameOf(final Router router, final int identity)
    {
        if (identity == Router.NO_IDENTITY)
        {
            return "?";
        }
        return identity < router.dealerCount() ? router.dealerName(identity) : router.routingId(identity);
    }

    /** Records {@code dealerName:value} of what it gets; echoes by identity or by context when asked. */
    private Actor newRouter(final ActorContext context)
    {
        final Router router = context.attachment(OPERATOR, Router.class);
        this.router = router;
        return (buffer, offset, length, header) ->
        {
            final long value = buffer.getLong(offset);
            if (value == HELLO)
            {
                return;
            }
            final int identity = router.identityOf(header);
            final int command = length >= WITH_COMMAND ? buffer.getInt(offset + 8) : 0;
            receivedByRouter.add(nameOf(router, identity) + ":" + value);
            if (command == ECHO)
            {
                echoResults.add(router.offer(identity, buffer, offset, length));
            }
            else if (command == ECHO_BY_CONTEXT)
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

    /** Sends the value with a command for the router (0 for none), as the dealer. */
    private long dealerOffer(final String dealer, final int command, final long value)
    {
        message.putLong(0, value);
        message.putInt(8, command);
        return dealers.get(dealer).offer(message, 0, WITH_COMMAND);
    }

    private void mainCycle()
    {
        runtimes.runUntilIdle("main");
    }

    /** Runs the dealer's dispatcher until it has nothing left to do: what it has received so far. */
    private List<Long> dealerReceived(final String dealer)
    {
        runtimes.runUntilIdle(dealer);
        return receivedByDealer.get(dealer);
    }

    private void awaitDealer(final String dealer, final int count)
    {
        runtimes.runUntil(dealer, () -> receivedByDealer.get(dealer).size() >= count,
            () -> dealer + " received " + receivedByDealer.get(dealer));
    }

    private void awaitRouter(final int count)
    {
        runtimes.runUntil("main", () -> receivedByRouter.size() >= count,
            () -> "router received " + receivedByRouter);
    }

    /** @return a standard counter of an actor, read in the runtime that holds it. */
    private long counter(final String actor, final CounterType type)
    {
        return runtimes.counter(actor, actor, type);
    }

    @Test
    void shouldRouteToTheAddressedDealerOnly()
    {
        startRouter(64, 16, 16, 16);
        assertTrue(routerOffer(identityOf("v1"), 11) >= 0);
        assertTrue(routerOffer(identityOf("v2"), 12) >= 0);
        assertTrue(routerOffer(identityOf("v1"), 13) >= 0);

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
        awaitRouter(1);
        assertTrue(dealerOffer("v0", 0, 2) >= 0);
        awaitRouter(2);
        assertTrue(dealerOffer("v1", 0, 3) >= 0);
        awaitRouter(3);

        assertEquals(List.of("v2:1", "v0:2", "v1:3"), receivedByRouter);
        assertEquals(1, counter("v0", CounterType.SENT), "sent as the dealer actor");
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

    /** Over the wire the dealer's mailbox is past the wire: the router must refuse what it could not take. */
    @Test
    void shouldRefuseAMessageTooLargeForTheDealerAndStillReachIt()
    {
        startRouter(64, 16, 16);
        final int tooLarge = ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH + 1;
        final UnsafeBuffer large = new UnsafeBuffer(new byte[tooLarge]);
        assertEquals(SendResult.MESSAGE_TOO_LARGE, router.offer(identityOf("v1"), large, 0, tooLarge));
        assertEquals(SendResult.MESSAGE_TOO_LARGE, router.tryClaim(identityOf("v1"), tooLarge, new SlotClaim()));

        assertTrue(routerOffer(identityOf("v1"), 61) >= 0, "the dealer is still there");
        awaitDealer("v1", 1);
        assertEquals(List.of(61L), dealerReceived("v1"));
        assertEquals(1, counter("sor", CounterType.SENT), "a refused send is not a send");
        assertEquals(0, router.unroutable(), "too large, not unroutable");
    }

    @Test
    void shouldGiveNoIdentityToASenderThatIsNoDealer()
    {
        startRouter(64, 16, 16);
        final ActorContext outsider = contexts.get("outsider");
        message.putLong(0, 41);
        message.putInt(8, ECHO);
        assertTrue(outsider.send(outsider.lookup("sor"), message, 0, WITH_COMMAND) >= 0);
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
        final int v0 = identityOf("v0");
        final int v1 = identityOf("v1");
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
        assertTrue(routerOffer(identityOf("v0"), POISON) >= 0);
        dealerReceived("v0");

        assertEquals(SendResult.CLOSED, routerOffer(identityOf("v0"), 1));
        assertTrue(routerOffer(identityOf("v1"), 1) >= 0);
        assertEquals(0, router.unroutable(), "a stopped dealer is closed, not unknown");
    }

    @Test
    void shouldSendZeroCopyBothWays()
    {
        startRouter(64, 16, 16);
        final SlotClaim claim = new SlotClaim();
        assertTrue(router.tryClaim(identityOf("v1"), 8, claim) >= 0);
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
        final List<String> dealerNames = new ArrayList<>();
        for (int d = 0; d < dealerCount; d++)
        {
            dealerNames.add("v" + d);
            repliesByDealer[d] = new AtomicLong();
        }
        placement = placement();
        runtimes = placement.start(OPERATOR,
            everywhere ->
            {
                ignoringErrors(everywhere);
                everywhere.dispatcher("router", Idle.BACKOFF).dispatcher("outsider", Idle.BACKOFF);
                dealerNames.forEach(dealer -> everywhere.dispatcher(dealer, Idle.BACKOFF));
            },
            "sor", side -> side
                .actor("sor", context -> new EchoingRouter(context, outsiderSeen),
                    options -> options.dispatcher("router").ringSize(256))
                .actor("outsider", context -> new Outsider(context, fromOutsider),
                    options -> options.dispatcher("outsider")),
            dealerNames, (side, dealer) -> side.actor(dealer,
                context -> new WindowedDealer(context, perDealer, window,
                    repliesByDealer[dealerNames.indexOf(dealer)]),
                options -> options.dispatcher(dealer).ringSize(64)));

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
        /** By identity: a remote dealer's is not its position, so not an index. */
        private final Map<Integer, Long> nextExpected = new HashMap<>();
        private final AtomicLong outsiderSeen;

        EchoingRouter(final ActorContext context, final AtomicLong outsiderSeen)
        {
            this.router = context.attachment(OPERATOR, Router.class);
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
            final long expected = nextExpected.getOrDefault(identity, 0L);
            if (value != expected)
            {
                failures.record("router got " + value + " from " + identity + ", expected " + expected);
            }
            nextExpected.put(identity, value + 1);
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
