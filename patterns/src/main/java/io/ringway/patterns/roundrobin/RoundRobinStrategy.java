package io.ringway.patterns.roundrobin;

/**
 * How a round-robin sender picks the one worker that gets each message.
 */
public enum RoundRobinStrategy
{
    /**
     * Strict rotation: message k goes to worker k mod n. When the worker whose turn it is is full, the send
     * returns {@code BACK_PRESSURED} and the turn does not move on, so the next try goes to the same worker; a
     * stopped worker leaves the rotation.
     */
    ROTATION,

    /**
     * The worker with the smallest backlog; full workers are skipped, as ZeroMQ's load balancer skips a full
     * pipe. Ties go to workers in turn. {@code BACK_PRESSURED} only when every worker is full.
     */
    LEAST_LOADED,

    /**
     * The worker chosen by a hash of the message's key, so the same key always goes to the same worker and its
     * messages stay in order. When that worker is full the send returns {@code BACK_PRESSURED}: it never goes
     * to another worker, which would break the key's order. Needs a {@link KeyFunction}.
     */
    KEY_AFFINITY
}
