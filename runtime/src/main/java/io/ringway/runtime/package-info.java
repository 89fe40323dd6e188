/**
 * The Ringway runtime: build one with {@link io.ringway.runtime.Ringway#builder()}, declaring dispatchers and the
 * actors placed on them, then {@code start()} and {@code close()} it.
 * <p>
 * Conventions of the whole module:
 * <ul>
 *     <li>Sends never block and never throw for back-pressure: they return a position ({@code >= 0}) or a
 *     negative {@link io.ringway.runtime.ring.SendResult} code.</li>
 *     <li>Received buffers and headers are flyweights over ring slots, valid only during the handler call.</li>
 *     <li>Configuration faults throw {@link io.ringway.runtime.errors.ConfigurationException} at build time,
 *     naming the fault.</li>
 *     <li>Every refusal, drop, dead letter and error is counted in the counters file
 *     ({@link io.ringway.runtime.status.CountersFile}).</li>
 *     <li>Time is in nanoseconds, with the unit in the name ({@code deadlineNs}), compared as
 *     {@code deadlineNs - nowNs < 0}.</li>
 * </ul>
 */
package io.ringway.runtime;
