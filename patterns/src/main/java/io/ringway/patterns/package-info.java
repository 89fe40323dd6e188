/**
 * The messaging patterns of ZeroMQ as operators over the runtime's rings (fan-out, round-robin,
 * correlate-reply, gather-with-deadline, pair, router/dealer, pipeline) and the topology DSL that composes them.
 * Operators allocate nothing on their hot paths and mean the same with local and remote members. This module
 * never imports ZeroMQ: remote members come through the runtime's transport SPI.
 */
package io.ringway.patterns;
