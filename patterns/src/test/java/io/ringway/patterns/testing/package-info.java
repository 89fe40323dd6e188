/**
 * What the operator tests share: waiting on a condition ({@link io.ringway.patterns.testing.Await}), stepping
 * caller-run dispatchers ({@link io.ringway.patterns.testing.DutyCycles}), reading the counters file
 * ({@link io.ringway.patterns.testing.CountersFileValues}), measuring allocation
 * ({@link io.ringway.patterns.testing.AllocationMeter}), recording what test actors see
 * ({@link io.ringway.patterns.testing.Recording}, {@link io.ringway.patterns.testing.Failures}) and the faults of
 * a declaration ({@link io.ringway.patterns.testing.BuildFaults}).
 * <p>
 * Each operator's contract is an abstract class with one small subclass per placement of its members, as JCTools
 * does for its queues. The contracts reach their members in one of three ways; in each
 * the seam where members are made local or remote is one method:
 * <ul>
 *     <li>{@link io.ringway.patterns.testing.TopologyContract} (fan-out, pipeline): commands, duty cycles and
 *     counters through a {@link io.ringway.patterns.testing.Placement}, from {@code placement()}; fan-out declares
 *     its subscribers and names its roles through the placement too;</li>
 *     <li>{@link io.ringway.patterns.testing.DeadlineContract} (correlate-reply, gather): a test clock, members
 *     declared one by one and named on the operator through a
 *     {@link io.ringway.patterns.testing.MemberPlacement}, from {@code placement()};</li>
 *     <li>pair, router/dealer and round-robin: each side declared apart (an end, a dealer, a worker) and named on
 *     the operator through the operator's placement ({@code PairPlacement}, {@code RouterPlacement},
 *     {@code RoundRobinPlacement}, from {@code placement()}), which returns the
 *     {@link io.ringway.patterns.testing.Runtimes} it started: dispatchers stepped and counters read wherever
 *     they are.</li>
 * </ul>
 * The transport module runs the fan-out, correlate-reply, gather, pair, router/dealer and round-robin contracts
 * with some members in a second runtime behind {@code tcp://} and {@code ipc://} links, from this module's
 * test-jar.
 * <p>
 * Tests wait on conditions with timeouts, never fixed sleeps, and step caller-run dispatchers where timing does
 * not matter. Nothing here is thread-safe unless its javadoc says so.
 */
package io.ringway.patterns.testing;
