package io.ringway.perf.tcp;

import io.ringway.runtime.agent.Idle;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs each tcp benchmark's set-up, a few thousand operations and its tear-downs without JMH, with backing-off
 * threads instead of busy-spinning ones, and checks that the messages really crossed the wire: through the link
 * counters for Ringway, through a bound tcp endpoint and the far end's counts for JeroMQ.
 */
class TcpBenchmarksTest
{
    private static final int MESSAGES = 5_000;
    private static final int ROUND_TRIPS = 200;
    private static final long TIMEOUT_NS = 10_000_000_000L;

    /** Waits with back-off, never a fixed sleep, until the condition holds. */
    private static void awaitUntil(final BooleanSupplier condition, final String what)
    {
        final IdleStrategy idle = Idle.BACKOFF.newStrategy();
        final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            assertTrue(deadlineNs - System.nanoTime() > 0, () -> "timed out waiting for " + what);
            idle.idle(0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 1024})
    void shouldPushEveryMessageOverTheRingwayBridge(final int length)
    {
        final RingwayTcpPushPull benchmark = new RingwayTcpPushPull();
        benchmark.length = length;
        benchmark.idle = Idle.BACKOFF;
        benchmark.linkIdle = Idle.BACKOFF;
        benchmark.setUp();
        try
        {
            // setUp returns once a probe has arrived; the pushing link counts it sent just after handing it over
            awaitUntil(() -> benchmark.sentOnWire() >= 1, "the probe counted as sent");
            final long probes = benchmark.sentOnWire();
            for (int i = 0; i < MESSAGES; i++)
            {
                benchmark.send();
            }
            awaitUntil(() -> benchmark.delivered() == MESSAGES, "delivery of " + MESSAGES);
            benchmark.awaitReceiver(); // the iteration's tear-down: checks order and count
            awaitUntil(() -> benchmark.receivedFromWire() == benchmark.sentOnWire(), "the wire to drain");

            assertEquals(MESSAGES, benchmark.sent());
            assertEquals(MESSAGES, benchmark.delivered());
            // Probes still queued in the port when the first one arrived go out after it: at least, not exactly.
            assertTrue(benchmark.sentOnWire() >= probes + MESSAGES,
                "every message went out on the pushing link: " + benchmark.sentOnWire());
            assertEquals(benchmark.sentOnWire(), benchmark.receivedFromWire(), "and came in on the pulling link");
        }
        finally
        {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 1024})
    void shouldPushEveryMessageOverRawJeroMq(final int length)
    {
        final JeroMqTcpPushPull benchmark = new JeroMqTcpPushPull();
        benchmark.length = length;
        benchmark.idle = Idle.BACKOFF;
        benchmark.setUp();
        try
        {
            assertTrue(benchmark.endpoint().startsWith("tcp://127.0.0.1:"), benchmark.endpoint());
            for (int i = 0; i < MESSAGES; i++)
            {
                benchmark.send();
            }
            awaitUntil(() -> benchmark.delivered() == MESSAGES, "delivery of " + MESSAGES);
            benchmark.awaitPuller();

            assertEquals(MESSAGES, benchmark.sent());
            assertEquals(MESSAGES, benchmark.delivered());
        }
        finally
        {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 1024})
    void shouldMakeEachRoundTripOverTheRingwayBridge(final int length)
    {
        final RingwayTcpRequestReply benchmark = new RingwayTcpRequestReply();
        benchmark.length = length;
        benchmark.idle = Idle.BACKOFF;
        benchmark.linkIdle = Idle.BACKOFF;
        benchmark.setUp();
        try
        {
            for (int i = 0; i < ROUND_TRIPS; i++)
            {
                benchmark.requestReply(); // fails unless the reply is this request's, with its length
            }
            final long roundTrips = ROUND_TRIPS + 1; // the set-up's included
            assertEquals(roundTrips, benchmark.roundTrips());
            assertEquals(roundTrips, benchmark.requestsOnWire(), "every request went out on the client's link");
            assertEquals(roundTrips, benchmark.requestsReceivedByServer(), "and came in on the server's");
            assertEquals(roundTrips, benchmark.repliesFromWire(), "every reply came back on the client's link");
        }
        finally
        {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 1024})
    void shouldMakeEachRoundTripOverRawJeroMq(final int length)
    {
        final JeroMqTcpRequestReply benchmark = new JeroMqTcpRequestReply();
        benchmark.length = length;
        benchmark.idle = Idle.BACKOFF;
        benchmark.setUp();
        try
        {
            assertTrue(benchmark.endpoint().startsWith("tcp://127.0.0.1:"), benchmark.endpoint());
            for (int i = 0; i < ROUND_TRIPS; i++)
            {
                benchmark.requestReply();
            }
            assertEquals(ROUND_TRIPS + 1, benchmark.roundTrips());
        }
        finally
        {
            benchmark.tearDown();
        }
    }
}
