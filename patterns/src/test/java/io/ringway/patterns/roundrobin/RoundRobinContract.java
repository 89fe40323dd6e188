package io.ringway.patterns.roundrobin;

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
import io.ringway.runtime.status.CounterType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a round-robin promises, whatever carries its messages: every message to exactly one worker; strict
 * rotation that waits for a full worker; least-loaded that skips full workers; key affinity that never moves a
 * key; back-pressure as a code; a stopped worker leaving the choice.
 * <p>
 * Senders run on the caller-run dispatcher {@code main}; each worker {@code wN} runs on a caller-run dispatcher
 * of the same name, so a test can drain one worker and leave another full. The senders are declared apart from
 * the workers, and the workers are named on the round-robin only through the placement, so that subclasses decide
 * where the workers live ({@link #placement()}); the test steps dispatchers and reads counters through the
 * {@link Runtimes} started, and records what the workers receive outside the actors.
 */
public abstract class RoundRobinContract
{
    static final String OPERATOR = "orders";
    static final int MESSAGE_LENGTH = 16;
    static final long POISON = -1;
    /** Far more than fills two workers, their mailboxes and whatever lies between them and a sender. */
    static final int MAX_SENDS_UNTIL_FULL = 1_000_000;

    /** The test's temporary directory, for the counters files of the runtimes the placement starts. */
    @TempDir
    protected Path runtimeDirectory;

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[256]);
    private final Map<String, RoundRobinSender> senders = new ConcurrentHashMap<>();
    private final Map<String, Integer> senderIds = new ConcurrentHashMap<>();
    private final Map<String, List<Delivery>> received = new ConcurrentHashMap<>();
    private final AtomicInteger receivedTotal = new AtomicInteger();
    private final Failures failures = new Failures();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile List<List<long[]>> stressDeliveries;
    private Runtimes runtimes;

    /** @return a fresh placement for one test: where the workers live. */
    protected abstract RoundRobinPlacement placement();

    @AfterEach
    void close()
    {
        if (null != runtimes)
        {
            runtimes.close();
        }
    }

    /** What a worker got: the message's key and value (its first two longs) and its header. */
    record Delivery(long key, long value, int senderId, int messageType, long correlationId)
    {
    }

    /**
     * Declares, in every runtime, an error handler recording the message of each supervised failure's cause, and
     * any other error (a link's, over the wire) whole.
     */
    private void recordErrors(final TopologyBuilder topology)
    {
        topology.runtime(runtime -> runtime.errorHandler(error -> errors.add(
            null != error.getCause() ? error.getCause().getMessage() : error.toString())));
    }

    private void start(
        final Consumer<TopologyBuilder> everywhere,
        final Consumer<TopologyBuilder> senderSide,
        final List<RoundRobinWorker> workers,
        final Consumer<RoundRobinSpec> configure)
    {
        runtimes = placement().start(OPERATOR, everywhere, senderSide, workers, configure);
    }

    /** Runs the caller-run dispatcher until it finds nothing to do and nothing is on its way to it. */
    private void runUntilIdle(final String dispatcher)
    {
        runtimes.runUntilIdle(dispatcher);
    }

    private long counter(final String owner, final CounterType type)
    {
        return runtimes.counter(owner, owner, type);
    }

    private static KeyFunction firstLong()
    {
        return (buffer, offset, length) -> buffer.getLong(offset);
    }

    /**
     * One sender {@code s0} on {@code main}; workers {@code w0, w1, ...} each on its own caller-run dispatcher,
     * each with the given ring size; a worker stops when it gets {@link #POISON}.
     */
    private void startWithMaxLength(
        final RoundRobinStrategy strategy, final int maxMessageLength, final int... workerRingSizes)
    {
        final List<RoundRobinWorker> workers = new ArrayList<>();
        for (int i = 0; i < workerRingSizes.length; i++)
        {
            final String worker = "w" + i;
            received.put(worker, Collections.synchronizedList(new ArrayList<>()));
            workers.add(new RoundRobinWorker(
                worker, this::newWorker, worker, workerRingSizes[i], maxMessageLength, Supervision.STOP));
        }
        start(
            everywhere ->
            {
                recordErrors(everywhere);
                for (final RoundRobinWorker worker : workers)
                {
                    everywhere.callerDispatcher(worker.dispatcher());
                }
            },
            senderSide -> senderSide.callerDispatcher("main")
                .actor("s0", this::newSender, options -> options.dispatcher("main")),
            workers,
            rr -> rr.senders("s0").strategy(strategy)
                .key(strategy == RoundRobinStrategy.KEY_AFFINITY ? firstLong() : null));
    }

    private void startWith(final RoundRobinStrategy strategy, final int... workerRingSizes)
    {
        startWithMaxLength(strategy, 64, workerRingSizes);
    }

    private Actor newSender(final ActorContext context)
    {
        senders.put(context.name(), context.attachment(OPERATOR, RoundRobinSender.class));
        senderIds.put(context.name(), context.self().id());
        return (buffer, offset, length, header) -> { };
    }

    private Actor newWorker(final ActorContext context)
    {
        final List<Delivery> deliveries = received.get(context.name());
        return (buffer, offset, length, header) ->
        {
            final long value = buffer.getLong(offset + 8);
            if (value == POISON)
            {
                throw new IllegalStateException("poisoned");
            }
            deliveries.add(new Delivery(buffer.getLong(offset), value, header.senderId(), header.messageType(),
                header.correlationId()));
            receivedTotal.incrementAndGet();
        };
    }

    private long send(final long key, final long value)
    {
        message.putLong(0, key);
        message.putLong(8, value);
        return senders.get("s0").offer(message, 0, MESSAGE_LENGTH);
    }

    private void sendAll(final long... values)
    {
        for (final long value : values)
        {
            final long result = send(value, value);
            assertTrue(result >= 0, () -> "send " + value + ": " + SendResult.describe(result));
        }
    }

    /** Runs the worker's dispatcher until it has received {@code count} messages in all. */
    private void drain(final String worker, final int count)
    {
        runtimes.runUntil(worker, () -> received.get(worker).size() >= count,
            () -> worker + " received " + received.get(worker));
    }

    /** Runs the worker's dispatcher until its mailbox is empty: what it has received so far. */
    private List<Long> values(final String worker)
    {
        runUntilIdle(worker);
        final List<Long> values = new ArrayList<>();
        for (final Delivery delivery : received.get(worker))
        {
            values.add(delivery.value());
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(RoundRobinStrategy.class)
    void shouldSendEachMessageToExactlyOneWorker(final RoundRobinStrategy strategy)
    {
        startWith(strategy, 64, 64, 64);
        final int count = 30;
        for (int i = 0; i < count; i++)
        {
            sendAll(i);
        }

        final List<Long> all = new ArrayList<>();
        all.addAll(values("w0"));
        all.addAll(values("w1"));
        all.addAll(values("w2"));
        Collections.sort(all);
        final List<Long> expected = new ArrayList<>();
        for (long i = 0; i < count; i++)
        {
            expected.add(i);
        }
        assertEquals(expected, all, "every message once, at one worker");
        assertEquals(count, counter("s0", CounterType.SENT));
    }

    @Test
    void shouldRotateStrictlyInTurn()
    {
        startWith(RoundRobinStrategy.ROTATION, 64, 64, 64);
        sendAll(0, 1, 2, 3, 4, 5, 6, 7, 8);

        assertEquals(List.of(0L, 3L, 6L), values("w0"));
        assertEquals(List.of(1L, 4L, 7L), values("w1"));
        assertEquals(List.of(2L, 5L, 8L), values("w2"));
    }

    @Test
    void shouldWaitForAFullWorkerInRotationRatherThanSkipIt()
    {
        startWith(RoundRobinStrategy.ROTATION, 2, 8);
        sendAll(0, 1, 2, 3);

        assertEquals(SendResult.BACK_PRESSURED, send(4, 4), "w0's turn, and w0 is full");
        assertEquals(SendResult.BACK_PRESSURED, send(4, 4), "still w0's turn although w1 has room");
        assertEquals(2, counter("w0", CounterType.BACK_PRESSURED), "each refusal counted on the full worker");

        drain("w0", 2);
        sendAll(4, 5);
        assertEquals(List.of(0L, 2L, 4L), values("w0"));
        assertEquals(List.of(1L, 3L, 5L), values("w1"));
        assertEquals(0, counter("w1", CounterType.BACK_PRESSURED));
    }

    @Test
    void shouldPreferTheLeastLoadedWorker()
    {
        startWith(RoundRobinStrategy.LEAST_LOADED, 8, 8);
        sendAll(0, 1);
        for (int i = 2; i < 7; i++)
        {
            // until idle, not until w1 has received i - 1: behind a bridge the message reaches w1 a moment before
            // its turn's backlog (the link's port) counts it read, and a tie would go to w0 by turn
            assertEquals(i - 1, values("w1").size());
            sendAll(i);
        }

        assertEquals(List.of(0L), values("w0"), "w0 kept its backlog of one, so it got nothing more");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), values("w1"));
    }

    @Test
    void shouldSkipAFullWorkerWhenLeastLoaded()
    {
        startWith(RoundRobinStrategy.LEAST_LOADED, 2, 8);
        for (int i = 0; i < 10; i++)
        {
            sendAll(i);
        }

        assertEquals(SendResult.BACK_PRESSURED, send(10, 10), "every worker full");
        assertEquals(1, counter("w0", CounterType.BACK_PRESSURED) + counter("w1", CounterType.BACK_PRESSURED),
            "one refusal counted; full workers were skipped, not offered to");
        assertEquals(2, values("w0").size());
        assertEquals(8, values("w1").size());
    }

    @Test
    void shouldBackPressureWhenEveryWorkerIsFullAndResumeWhenOneDrains()
    {
        startWith(RoundRobinStrategy.LEAST_LOADED, 2, 2);
        sendAll(0, 1, 2, 3);
        assertEquals(SendResult.BACK_PRESSURED, send(4, 4));

        drain("w1", 2);
        sendAll(4, 5);
        assertEquals(SendResult.BACK_PRESSURED, send(6, 6));
        assertEquals(2, values("w0").size(), "w0 was never drained and never offered beyond full");
        assertEquals(List.of(4L, 5L), values("w1").subList(2, 4));
    }

    /**
     * Back-pressure when every worker is full, without counting slots, so that it holds whatever stands between
     * the sender and a worker (behind a bridge: the link's port, JeroMQ's queues and the sockets' buffers): the
     * sender gets {@code BACK_PRESSURED}, a code, never an exception; once the workers drain it sends again; and
     * every message accepted reaches exactly one worker, once.
     */
    @Test
    void shouldBackPressureOnceEveryWorkerIsFullAndLoseNothing()
    {
        startWith(RoundRobinStrategy.LEAST_LOADED, 64, 64);
        long result = 0;
        int accepted = 0;
        while (accepted < MAX_SENDS_UNTIL_FULL && (result = send(accepted, accepted)) >= 0)
        {
            accepted++;
        }
        assertEquals(SendResult.BACK_PRESSURED, result, "after " + accepted + " sends");

        drainEvery(accepted, "w0", "w1");
        sendAll(accepted);
        drainEvery(accepted + 1, "w0", "w1");
        final boolean[] seen = new boolean[accepted + 1];
        for (final String worker : List.of("w0", "w1"))
        {
            for (final long value : values(worker))
            {
                assertFalse(seen[(int)value], "duplicate " + value);
                seen[(int)value] = true;
            }
        }
        for (int i = 0; i <= accepted; i++)
        {
            assertTrue(seen[i], "lost message " + i);
        }
    }

    /** Runs the workers' dispatchers by turns until they have received {@code count} messages in all. */
    private void drainEvery(final int count, final String... workers)
    {
        Await.until(() ->
        {
            for (final String worker : workers)
            {
                runtimes.runUntil(worker, () -> true, () -> worker); // holds at once: one duty cycle
            }
            return receivedTotal.get() >= count;
        }, () -> "received " + receivedTotal.get() + " of " + count);
    }

    @Test
    void shouldSendTheSameKeyToTheSameWorkerInOrder()
    {
        startWith(RoundRobinStrategy.KEY_AFFINITY, 1024, 1024, 1024);
        final int keys = 50;
        final int rounds = 4;
        for (int round = 0; round < rounds; round++)
        {
            for (long key = 0; key < keys; key++)
            {
                assertTrue(send(key, round) >= 0);
            }
        }

        final RoundRobinSender sender = senders.get("s0");
        final Map<Long, String> workerOfKey = new HashMap<>();
        final Map<Long, List<Long>> roundsOfKey = new HashMap<>();
        for (final String worker : List.of("w0", "w1", "w2"))
        {
            values(worker);
            for (final Delivery delivery : received.get(worker))
            {
                final String previous = workerOfKey.put(delivery.key(), worker);
                assertTrue(null == previous || previous.equals(worker), "key " + delivery.key() + " at two workers");
                roundsOfKey.computeIfAbsent(delivery.key(), key -> new ArrayList<>()).add(delivery.value());
            }
        }
        for (long key = 0; key < keys; key++)
        {
            assertEquals(List.of(0L, 1L, 2L, 3L), roundsOfKey.get(key), "key " + key + " in order");
            assertEquals("w" + sender.workerIndexForKey(key), workerOfKey.get(key), "the worker at the key's index "
                + "in the rotation (wN is the N-th declared)");
        }
    }

    @Test
    void shouldSpreadKeysOverEveryWorkerEvenInAStride()
    {
        startWith(RoundRobinStrategy.KEY_AFFINITY, 8, 8, 8, 8);
        final RoundRobinSender sender = senders.get("s0");
        final int[] perWorker = new int[sender.workerCount()];
        for (long i = 0; i < 4000; i++)
        {
            perWorker[sender.workerIndexForKey(i * sender.workerCount())]++;
        }
        for (final int count : perWorker)
        {
            assertTrue(count > 850 && count < 1150, () -> "keys per worker " + Arrays.toString(perWorker));
        }
        for (final long key : new long[]{-1, Long.MIN_VALUE, Long.MAX_VALUE, 0})
        {
            final int index = sender.workerIndexForKey(key);
            assertTrue(index >= 0 && index < sender.workerCount(), "key " + key + " gave index " + index);
            assertEquals(index, sender.workerIndexForKey(key), "stable");
        }
    }

    @Test
    void shouldNeverMoveAKeyToAnotherWorkerWhenItsWorkerIsFull()
    {
        startWith(RoundRobinStrategy.KEY_AFFINITY, 2, 8);
        final RoundRobinSender sender = senders.get("s0");
        final long keyOfW0 = firstKeyAt(sender, 0);
        final long keyOfW1 = firstKeyAt(sender, 1);

        assertTrue(send(keyOfW0, 0) >= 0);
        assertTrue(send(keyOfW0, 1) >= 0);
        assertEquals(SendResult.BACK_PRESSURED, send(keyOfW0, 2), "w0 full; w1 has room but is not the key's");
        assertTrue(send(keyOfW1, 0) >= 0, "other keys carry on");

        drain("w0", 2);
        assertTrue(send(keyOfW0, 2) >= 0);
        assertEquals(List.of(0L, 1L, 2L), values("w0"));
        assertEquals(List.of(0L), values("w1"));
        assertEquals(1, counter("w0", CounterType.BACK_PRESSURED));
    }

    private static long firstKeyAt(final RoundRobinSender sender, final int workerIndex)
    {
        long key = 0;
        while (sender.workerIndexForKey(key) != workerIndex)
        {
            key++;
        }
        return key;
    }

    @ParameterizedTest
    @EnumSource(value = RoundRobinStrategy.class, names = {"ROTATION", "LEAST_LOADED"})
    void shouldTakeAStoppedWorkerOutOfTheChoice(final RoundRobinStrategy strategy)
    {
        startWith(strategy, 64, 64, 64);
        sendAll(0, POISON);
        assertEquals(List.of(0L), values("w0"));
        assertEquals(List.of(), values("w1"), "w1 got the poison and stopped");

        for (int i = 1; i <= 6; i++)
        {
            sendAll(i);
        }
        assertEquals(List.of(), values("w1"), "nothing more for the stopped worker");
        assertEquals(7, values("w0").size() + values("w2").size(), "0 and 1..6 delivered by the others");
        assertEquals(1, counter("w1", CounterType.DROPPED), "one refusal, then out of the choice");
        assertEquals(1, counter("w1", CounterType.DEAD_LETTERED), "the poison");
        assertEquals(List.of("poisoned"), errors);
    }

    @Test
    void shouldReturnClosedWhenEveryWorkerHasStopped()
    {
        startWith(RoundRobinStrategy.ROTATION, 64, 64);
        sendAll(POISON, POISON);
        values("w0");
        values("w1");

        assertEquals(SendResult.CLOSED, send(1, 1));
        assertEquals(SendResult.CLOSED, send(2, 2));
    }

    @Test
    void shouldReturnClosedForAKeyWhoseWorkerHasStopped()
    {
        startWith(RoundRobinStrategy.KEY_AFFINITY, 64, 64);
        final RoundRobinSender sender = senders.get("s0");
        final long keyOfW0 = firstKeyAt(sender, 0);
        final long keyOfW1 = firstKeyAt(sender, 1);
        assertTrue(send(keyOfW0, POISON) >= 0);
        values("w0");

        assertEquals(SendResult.CLOSED, send(keyOfW0, 1), "the key's worker stopped; never another worker");
        assertTrue(send(keyOfW1, 1) >= 0);
        assertEquals(List.of(1L), values("w1"));
        assertEquals(1, counter("w0", CounterType.DROPPED));
    }

    @Test
    void shouldSendAsTheSenderWithTypeAndCorrelationId()
    {
        startWith(RoundRobinStrategy.ROTATION, 64, 64);
        message.putLong(0, 7);
        message.putLong(8, 8);
        assertTrue(senders.get("s0").offer(42, 99L, message, 0, MESSAGE_LENGTH) >= 0);
        drain("w0", 1);

        final Delivery delivery = received.get("w0").get(0);
        assertEquals(new Delivery(7, 8, senderIds.get("s0"), 42, 99L), delivery);
        assertEquals(1, counter("s0", CounterType.SENT));
    }

    @Test
    void shouldRefuseATooLargeMessageWithoutMovingTheTurn()
    {
        startWithMaxLength(RoundRobinStrategy.ROTATION, MESSAGE_LENGTH, 64, 64);
        assertEquals(SendResult.MESSAGE_TOO_LARGE, senders.get("s0").offer(message, 0, MESSAGE_LENGTH + 1));
        assertEquals(1, counter("w0", CounterType.DROPPED));
        sendAll(0, 1);

        assertEquals(List.of(0L), values("w0"), "w0 still had the turn");
        assertEquals(List.of(1L), values("w1"));
    }

    /**
     * Three senders, each on its own thread, stream to three workers on two more threads through small mailboxes:
     * nothing lost, nothing duplicated, each sender's messages in order at each worker, and the strategy's
     * placement (rotation: message k at worker k mod 3; key affinity: the key's worker).
     */
    @ParameterizedTest
    @EnumSource(RoundRobinStrategy.class)
    void shouldDeliverEveryMessageOnceInOrderWithConcurrentSenders(final RoundRobinStrategy strategy)
    {
        final int sendersCount = 3;
        final int workersCount = 3;
        final int perSender = 4_000;
        final String[] senderNames = new String[sendersCount];
        for (int s = 0; s < sendersCount; s++)
        {
            senderNames[s] = "s" + s;
        }
        final List<RoundRobinWorker> workers = new ArrayList<>();
        for (int w = 0; w < workersCount; w++)
        {
            final int index = w;
            workers.add(new RoundRobinWorker("w" + w, context -> new RecordingWorker(index), "workers-" + (w % 2), 64,
                ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH, Supervision.RESTART));
        }
        final List<List<long[]>> byWorker = new ArrayList<>();
        for (int w = 0; w < workersCount; w++)
        {
            byWorker.add(Collections.synchronizedList(new ArrayList<>()));
        }
        stressDeliveries = byWorker;
        start(
            everywhere ->
            {
                recordErrors(everywhere);
                everywhere.dispatcher("workers-0", Idle.BACKOFF).dispatcher("workers-1", Idle.BACKOFF);
            },
            senderSide ->
            {
                for (int s = 0; s < sendersCount; s++)
                {
                    final int index = s;
                    senderSide.dispatcher(senderNames[s], Idle.BACKOFF).actor(senderNames[s],
                        context -> new StreamingSender(context, index, perSender),
                        options -> options.dispatcher(senderNames[index]));
                }
            },
            workers,
            rr -> rr.senders(senderNames).strategy(strategy)
                .key(strategy == RoundRobinStrategy.KEY_AFFINITY ? firstLong() : null));

        final int total = sendersCount * perSender;
        Await.until(() -> receivedTotal.get() >= total || failures.any(),
            () -> "received " + receivedTotal.get() + " of " + total);
        assertEquals(List.of(), failures.list());

        final RoundRobinSender anySender = senders.get("s0");
        final boolean[][] seen = new boolean[sendersCount][perSender];
        for (int w = 0; w < workersCount; w++)
        {
            final long[] lastBySender = {-1, -1, -1};
            synchronized (byWorker.get(w))
            {
                for (final long[] delivery : byWorker.get(w))
                {
                    final int sender = (int)delivery[2];
                    final long value = delivery[1];
                    assertFalse(seen[sender][(int)value], "duplicate " + value + " from s" + sender);
                    seen[sender][(int)value] = true;
                    assertTrue(value > lastBySender[sender], "s" + sender + " out of order at w" + w);
                    lastBySender[sender] = value;
                    if (strategy == RoundRobinStrategy.ROTATION)
                    {
                        assertEquals(value % workersCount, w, "message " + value + " of s" + sender);
                    }
                    if (strategy == RoundRobinStrategy.KEY_AFFINITY)
                    {
                        assertEquals(anySender.workerIndexForKey(delivery[0]), w, "key " + delivery[0]);
                    }
                }
            }
        }
        for (int s = 0; s < sendersCount; s++)
        {
            for (int i = 0; i < perSender; i++)
            {
                assertTrue(seen[s][i], "lost message " + i + " of s" + s);
            }
        }
        assertEquals(total, receivedTotal.get(), "nothing extra");
    }

    /** Streams its messages, yielding its thread with a message to itself whenever the workers push back. */
    private final class StreamingSender implements Actor
    {
        private static final int BATCH = 128;
        private final ActorContext context;
        private final RoundRobinSender sender;
        private final int index;
        private final int count;
        private final UnsafeBuffer out = new UnsafeBuffer(new byte[24]);
        private long next;

        StreamingSender(final ActorContext context, final int index, final int count)
        {
            this.context = context;
            this.sender = context.attachment(OPERATOR, RoundRobinSender.class);
            this.index = index;
            this.count = count;
            senders.put(context.name(), sender);
            continueLater();
        }

        private void continueLater()
        {
            final long result = context.send(context.self(), out, 0, 0);
            if (result < 0)
            {
                failures.record("s" + index + " could not wake itself: " + SendResult.describe(result));
            }
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            for (int i = 0; i < BATCH && next < count; i++)
            {
                out.putLong(0, next % 17);
                out.putLong(8, next);
                out.putInt(16, index);
                final long result = sender.offer(out, 0, 24);
                if (result == SendResult.BACK_PRESSURED)
                {
                    break;
                }
                if (result < 0)
                {
                    failures.record("s" + index + " message " + next + ": " + SendResult.describe(result));
                    return;
                }
                next++;
            }
            if (next < count)
            {
                continueLater();
            }
        }
    }

    private final class RecordingWorker implements Actor
    {
        private final int index;

        RecordingWorker(final int index)
        {
            this.index = index;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            stressDeliveries.get(index).add(
                new long[]{buffer.getLong(offset), buffer.getLong(offset + 8), buffer.getInt(offset + 16)});
            receivedTotal.incrementAndGet();
        }
    }
}
