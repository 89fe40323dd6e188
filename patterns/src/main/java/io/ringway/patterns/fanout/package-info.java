/**
 * Fan-out, ZeroMQ's PUB/SUB in process: one multicast ring per fan-out, read by every subscriber with its own
 * sequence; topics matched by byte prefix; per subscriber, lossless (back-pressures the publishers) or lossy
 * (never holds them back, counts every message it misses). Declared with {@link
 * io.ringway.patterns.fanout.FanOutSpec}; actors use {@link io.ringway.patterns.fanout.FanOutPublisher} and
 * {@link io.ringway.patterns.fanout.Subscription}. Nothing on the publish or delivery path allocates.
 */
package io.ringway.patterns.fanout;
