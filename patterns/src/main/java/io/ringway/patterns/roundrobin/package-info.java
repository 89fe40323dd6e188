/**
 * Round-robin (ZeroMQ PUSH/PULL): each message from a sender goes to exactly one worker, picked by strict
 * rotation, by least load, or by key affinity. Declared with {@link io.ringway.patterns.roundrobin.RoundRobinSpec};
 * senders send through their {@link io.ringway.patterns.roundrobin.RoundRobinSender} attachment, on their own
 * dispatcher thread, and get a {@link io.ringway.runtime.ring.SendResult} code back, never an exception, and
 * never a silent drop.
 */
package io.ringway.patterns.roundrobin;
