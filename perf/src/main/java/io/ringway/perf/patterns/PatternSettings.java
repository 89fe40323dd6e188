package io.ringway.perf.patterns;

import io.ringway.perf.core.CoreSettings;

import java.time.Duration;

/**
 * The shape shared by every pattern benchmark, so that Ringway, Pekko and JeroMQ differ only in themselves.
 */
public final class PatternSettings
{
    /** Bytes in every message, as in the core suite. */
    public static final int MESSAGE_LENGTH = CoreSettings.MESSAGE_LENGTH;

    /**
     * Messages a throughput benchmark may have in flight: published and not yet received by every subscriber
     * (fan-out) or by its worker (round-robin). Ringway's fan-out ring holds this many and its round-robin workers'
     * mailboxes half each; Pekko's mailboxes and JeroMQ's pipes are held to it by {@link Receivers#awaitRoom},
     * so that every system measures delivery, not how fast it can pile messages up in a queue.
     */
    public static final int WINDOW = 65_536;

    /** Slots of a round-trip ring (request-reply, gather); one request is in flight at a time. */
    public static final int ROUND_TRIP_RING_SLOTS = 1024;

    /** How long a throughput iteration's teardown waits for the receivers to catch up before failing the run. */
    public static final long CATCH_UP_TIMEOUT_NS = 10_000_000_000L;

    /** How long set-up waits for receivers to join (JeroMQ subscriptions, Pekko routees). */
    public static final long JOIN_TIMEOUT_NS = 10_000_000_000L;

    /**
     * Request and gather deadline. Never reached in a healthy run: a round trip takes microseconds. A benchmark
     * that sees a timeout fails rather than time it.
     */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    /** Messages a receiver takes per turn: Ringway's default batch limit, and Pekko's dispatcher throughput. */
    public static final int BATCH_LIMIT = 256;

    /** Members of the gather. */
    public static final int GATHER_MEMBERS = 3;

    /** Workers of the round-robin. */
    public static final int ROUND_ROBIN_WORKERS = 2;

    private PatternSettings()
    {
    }
}
