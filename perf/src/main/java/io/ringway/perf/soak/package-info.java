/**
 * The soak: the trading topology run losslessly at a fixed rate for a fixed time, in one JVM or across two over
 * tcp, reporting what was sent, received, lost, repeated and reordered, and what the JVMs held (heap after GC,
 * threads, file descriptors) at the start and end. {@link io.ringway.perf.soak.SoakCommand} is the command line;
 * {@link io.ringway.perf.soak.Soak} the two runs; {@link io.ringway.perf.soak.SoakReport} the figures and their
 * checks. A correctness run, not a speed run: the source parks between ticks and every dispatcher backs off.
 */
package io.ringway.perf.soak;
