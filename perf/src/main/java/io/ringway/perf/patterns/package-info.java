/**
 * The pattern benchmarks: Ringway's operators against Apache Pekko classic actors and JeroMQ inproc sockets on
 * the same shapes, one class per system and shape, named {@code <Ringway|Pekko|JeroMq><Shape>}.
 * <ul>
 *     <li>{@code *FanOut} ({@code subscribers} = 1, 2, 4) and {@code *RoundRobin} (2 workers): throughput, one
 *     producer (the JMH thread), every message delivered as the pattern promises.</li>
 *     <li>{@code *RequestReply} and {@code *Gather} (3 members): round-trip latency, one request in flight.</li>
 * </ul>
 * Conventions, the same for every system so that only the system differs (see {@link
 * io.ringway.perf.patterns.PatternSettings}):
 * <ul>
 *     <li>Messages are 64 bytes and carry a sequence number in their first 8 bytes, which every receiver checks:
 *     a throughput iteration fails on any lost, duplicated or reordered message, a round trip on a wrong reply.</li>
 *     <li>All receivers of a benchmark share one busy-spinning thread: a Ringway {@code BUSY_SPIN} dispatcher, a
 *     one-thread Pekko dispatcher ({@link io.ringway.perf.patterns.PekkoSystem}), or one Agrona agent that reads
 *     every JeroMQ socket with {@code DONTWAIT}.</li>
 *     <li>Throughput benchmarks keep at most {@link io.ringway.perf.patterns.PatternSettings#WINDOW} messages in
 *     flight: Ringway's rings hold that many; Pekko and JeroMQ are held to it by
 *     {@link io.ringway.perf.patterns.Receivers#awaitRoom(long)}.</li>
 *     <li>JeroMQ sockets live on one thread each: the JMH thread binds its own, the receivers' agent creates,
 *     uses and closes the others.</li>
 * </ul>
 * {@code ringway-perf bench --suite patterns} runs them ({@link io.ringway.perf.cli.BenchSuites}).
 */
package io.ringway.perf.patterns;
