package io.ringway.runtime.actor;

import io.ringway.runtime.Await;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.agent.ActorFailureException;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.CounterType;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class SupervisionTest
{
    private static final int POISON = 666;

    @TempDir
    Path runtimeDirectory;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> deadLetters = new ConcurrentLinkedQueue<>();
    private final AtomicInteger instancesCreated = new AtomicInteger();
    private final List<String> handled = new ArrayList<>();
    private Ringway ringway;

    @AfterEach
    void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }

    /** Counts messages in its own state; throws on POISON. */
    private final class Counting implements Actor
    {
        private int seen;
        private final int instance = instancesCreated.incrementAndGet();

        Counting(final ActorContext context)
        {
        }

        @Override
        public void onMessage(final DirectBuffer message, final int offset, final int length, final Header header)
        {
            if (header.messageType() == POISON)
            {
                throw new IllegalStateException("poison");
            }
            seen++;
            handled.add("instance " + instance + " seen " + seen);
        }
    }

    private void start(final Supervision policy)
    {
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .errorHandler(errors::add)
            .deadLetterHandler((actor, message, offset, length, header, cause) ->
                deadLetters.add(actor + " type=" + header.messageType() + " cause=" + cause.getMessage()))
            .callerDispatcher("main")
            .actor("worker", Counting::new, actor -> actor.supervision(policy))
            .actor("bystander", Counting::new)
            .build()
            .start();
    }

    private void offer(final String actor, final int type)
    {
        assertTrue(ringway.actor(actor).offer(type, 0, buffer, 0, 1) >= 0);
    }

    @Test
    void shouldResumeKeepingStateAndDeadLetterTheFailingMessage()
    {
        start(Supervision.RESUME);
        offer("worker", 1);
        offer("worker", POISON);
        offer("worker", 1);
        ringway.invoker("main").invoke();

        assertEquals(List.of("instance 1 seen 1", "instance 1 seen 2"), handled, "same instance, state kept");
        assertEquals(List.of("worker type=666 cause=poison"), List.copyOf(deadLetters));
        final ActorFailureException failure = assertInstanceOf(ActorFailureException.class, errors.peek());
        assertEquals("worker", failure.actorName());
        assertTrue(failure.getMessage().contains("policy RESUME"), failure.getMessage());

        final MessageCounters counters = ringway.actorCounters("worker");
        assertEquals(2, counters.get(CounterType.RECEIVED));
        assertEquals(1, counters.get(CounterType.DEAD_LETTERED));
        assertEquals(1, counters.get(CounterType.ERRORS));
    }

    @Test
    void shouldRestartWithFreshStateFromTheFactory()
    {
        start(Supervision.RESTART);
        offer("worker", 1);
        offer("worker", POISON);
        offer("worker", 1);
        ringway.invoker("main").invoke();

        assertEquals(List.of("instance 1 seen 1", "instance 3 seen 1"), handled,
            "instance 2 is the bystander; the worker's state was rebuilt as instance 3");
        assertEquals(1, deadLetters.size(), "the failing message is not retried");
    }

    @Test
    void shouldStopClosingTheMailboxAndDeadLetterWhatWasQueued()
    {
        start(Supervision.STOP);
        offer("worker", POISON);
        offer("worker", 1);
        offer("bystander", 1);
        ringway.invoker("main").invoke();

        assertEquals(List.of("instance 2 seen 1"), handled, "only the bystander handled anything");
        assertEquals(2, deadLetters.size(), "the poison and the message queued behind it");
        assertEquals(SendResult.CLOSED, ringway.actor("worker").offer(buffer, 0, 1));
        assertEquals(1, ringway.actorCounters("worker").get(CounterType.DROPPED));
    }

    @Test
    void shouldStopActorWhoseFactoryFailsAndKeepTheOthersRunning()
    {
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .errorHandler(errors::add)
            .callerDispatcher("main")
            .actor("broken", context -> { throw new IllegalArgumentException("no config"); })
            .actor("bystander", Counting::new)
            .build()
            .start();
        offer("bystander", 1);
        ringway.invoker("main").invoke();
        assertEquals(List.of("instance 1 seen 1"), handled);
        assertEquals(SendResult.CLOSED, ringway.actor("broken").offer(buffer, 0, 1));
        assertTrue(errors.peek().getMessage().contains("factory failed at start"));
    }

    @Test
    void shouldSuperviseUnderLoadWithoutLosingOrRetryingAnything() throws Exception
    {
        final int producers = 3;
        final int perProducer = 20_000;
        final AtomicLong handledCount = new AtomicLong();
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .errorHandler(errors::add)
            .deadLetterHandler((actor, message, offset, length, header, cause) -> deadLetters.add(actor))
            .dispatcher("workers")
            .actor("flaky", context -> (message, offset, length, header) ->
            {
                if (header.messageType() == POISON)
                {
                    throw new IllegalStateException("poison");
                }
                handledCount.incrementAndGet();
            }, actor -> actor.ringSize(256))
            .build()
            .start();

        final ActorRef flaky = ringway.actor("flaky");
        final Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++)
        {
            threads[p] = new Thread(() ->
            {
                final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
                for (int i = 0; i < perProducer; i++)
                {
                    final int type = i % 100 == 0 ? POISON : 1;
                    while (flaky.offer(type, 0, message, 0, 8) == SendResult.BACK_PRESSURED)
                    {
                        Thread.yield();
                    }
                }
            });
            threads[p].start();
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }

        final long poisoned = producers * (perProducer / 100);
        final long total = (long)producers * perProducer;
        Await.until(() -> handledCount.get() + deadLetters.size() == total,
            () -> "handled " + handledCount.get() + " + dead " + deadLetters.size() + " of " + total);
        assertEquals(total - poisoned, handledCount.get());
        assertEquals(poisoned, deadLetters.size());
        assertEquals(poisoned, ringway.actorCounters("flaky").get(CounterType.ERRORS));
        Await.until(() -> ringway.actorCounters("flaky").get(CounterType.RECEIVED) == total - poisoned,
            () -> "received counter " + ringway.actorCounters("flaky").get(CounterType.RECEIVED));
    }

    @Test
    void shouldSuperviseTimerFailures()
    {
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .errorHandler(errors::add)
            .callerDispatcher("main")
            .actor("ticker", context ->
            {
                context.scheduleTimer(context.nowNs());
                return new Actor()
                {
                    @Override
                    public void onMessage(final DirectBuffer b, final int o, final int l, final Header h)
                    {
                    }

                    @Override
                    public void onTimer(final long timerId)
                    {
                        throw new IllegalStateException("tick failed");
                    }
                };
            }, actor -> actor.supervision(Supervision.STOP))
            .build()
            .start();
        final AgentInvoker invoker = ringway.invoker("main");
        Await.until(() ->
        {
            invoker.invoke();
            return !errors.isEmpty();
        }, () -> "timer never fired");
        assertEquals(1, ringway.actorCounters("ticker").get(CounterType.ERRORS));
        assertEquals(SendResult.CLOSED, ringway.actor("ticker").offer(buffer, 0, 1), "stopped by policy");
    }
}
