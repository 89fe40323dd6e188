package io.ringway.runtime;

import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.CounterType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class LifecycleTest
{
    @TempDir
    Path runtimeDirectory;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);

    private static Set<String> ringwayThreads()
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .filter(name -> name.startsWith("ringway-"))
            .collect(Collectors.toSet());
    }

    @Test
    void shouldStartOneThreadPerDispatcherAndJoinThemAllOnClose()
    {
        final Set<String> before = ringwayThreads();
        final Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .dispatcher("a")
            .dispatcher("b")
            .actor("x", context -> (b, o, l, h) -> { }, actor -> actor.dispatcher("a"))
            .actor("y", context -> (b, o, l, h) -> { }, actor -> actor.dispatcher("b"))
            .build()
            .start();
        assertTrue(ringwayThreads().containsAll(Set.of("ringway-a", "ringway-b")));

        ringway.close();
        assertEquals(before, ringwayThreads(), "every thread the runtime started has been joined");
        assertSame(ringway.closeReport(), ringway.close(0), "close is idempotent");
    }

    @Test
    void shouldDrainEverythingInFlightOnCloseAndLoseNothing()
    {
        final int messages = 20_000;
        final AtomicLong firstStageSeen = new AtomicLong();
        final AtomicLong lastStageSeen = new AtomicLong();
        final Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .dispatcher("io")
            .actor("first", context -> (b, o, l, h) ->
            {
                firstStageSeen.incrementAndGet();
                final ActorRef next = context.lookup("last");
                while (context.send(next, b, o, l) == SendResult.BACK_PRESSURED)
                {
                    Thread.onSpinWait();
                }
            }, actor -> actor.ringSize(32768))
            .actor("last", context -> (b, o, l, h) -> lastStageSeen.incrementAndGet(), actor -> actor.ringSize(32768))
            .build()
            .start();
        final ActorRef first = ringway.actor("first");
        for (int i = 0; i < messages; i++)
        {
            assertTrue(first.offer(buffer, 0, 8) >= 0);
        }

        final CloseReport report = ringway.close(TimeUnit.SECONDS.toNanos(10));
        assertTrue(report.drained(), report.toString());
        assertEquals(0, report.discarded());
        assertEquals(messages, firstStageSeen.get());
        assertEquals(messages, lastStageSeen.get(), "sends between actors during the drain were delivered");
    }

    @Test
    void shouldReturnClosedForOffersAfterClose()
    {
        final Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("x", context -> (b, o, l, h) -> { })
            .build()
            .start();
        final ActorRef x = ringway.actor("x");
        ringway.close();
        assertEquals(SendResult.CLOSED, x.offer(buffer, 0, 1));
        assertEquals(1, ringway.actorCounters("x").get(CounterType.DROPPED));
    }

    @Test
    void shouldReportAndCountWhatItDiscardsWhenTheDrainDeadlinePasses()
    {
        final CloseReport[] reported = new CloseReport[1];
        final Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .closeReportHandler(report -> reported[0] = report)
            .callerDispatcher("main")
            .actor("loop", context -> (b, o, l, h) -> context.send(context.self(), b, o, l), actor -> actor.ringSize(16))
            .build()
            .start();
        final ActorRef loop = ringway.actor("loop");
        for (int i = 0; i < 5; i++)
        {
            assertTrue(loop.offer(buffer, 0, 1) >= 0);
        }

        // Each message sends itself on, so the work in flight never ends: the drain must give up at its deadline.
        final CloseReport report = ringway.close(TimeUnit.MILLISECONDS.toNanos(50));

        assertFalse(report.drained());
        assertEquals(5, report.discarded(), "the five messages still circulating");
        assertEquals(Map.of("loop", 5L), report.discardedByActor());
        assertEquals(5, ringway.actorCounters("loop").get(CounterType.DROPPED));
        assertSame(report, reported[0], "the report went to the handler");
    }

    @Test
    void shouldRefuseToStartTwice()
    {
        try (Ringway ringway = Ringway.builder().runtimeDirectory(runtimeDirectory).build().start())
        {
            assertThrows(IllegalStateException.class, ringway::start);
        }
    }

    @Test
    void shouldCreateActorsOnTheirDispatcherThread()
    {
        final String[] factoryThread = new String[1];
        try (Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .dispatcher("home")
            .actor("x", context ->
            {
                factoryThread[0] = Thread.currentThread().getName();
                return (b, o, l, h) -> { };
            })
            .build()
            .start())
        {
            Await.until(() -> factoryThread[0] != null, () -> "factory never ran");
            assertEquals("ringway-home", factoryThread[0]);
        }
    }
}
