/**
 * The core benchmarks: Ringway against its peers (raw Disruptor 4, {@code ArrayBlockingQueue}, Agrona
 * {@code OneToOneRingBuffer}) on the same two shapes, one class per system and shape.
 * <ul>
 *     <li>{@code *OneHop}: throughput, one producer (the JMH thread) to one busy-spinning consumer thread.</li>
 *     <li>{@code *PingPong}: round-trip latency, the JMH thread pings an echo thread and busy-waits the pong.</li>
 * </ul>
 * Conventions, the same for every system so that only the system differs:
 * <ul>
 *     <li>Messages are {@link io.ringway.perf.core.CoreSettings#MESSAGE_LENGTH} bytes, copied from one
 *     pre-allocated off-heap source buffer into the ring (or a pre-allocated pooled buffer for the queue); the
 *     first 8 bytes carry a sequence number that the receiver checks.</li>
 *     <li>Rings hold {@link io.ringway.perf.core.CoreSettings#HOP_RING_SLOTS} messages for one-hop and
 *     {@link io.ringway.perf.core.CoreSettings#PING_PONG_RING_SLOTS} for ping-pong.</li>
 *     <li>Every spin, on a full ring or an empty one, calls {@code Thread.onSpinWait()}; consumer threads are
 *     Agrona {@code AgentRunner}s with a {@code BusySpinIdleStrategy}, or a Disruptor
 *     {@code BatchEventProcessor} with a {@code BusySpinWaitStrategy}.</li>
 *     <li>Every class has the same {@code @Fork}, warmup and measurement settings; the topology is drawn in its
 *     javadoc.</li>
 * </ul>
 * On a 2-core machine the JMH thread and the busy-spinning consumer take both cores.
 */
package io.ringway.perf.core;
