/**
 * {@code demo}: the trading topology of {@code io.ringway.patterns.examples.trading} at a fixed rate, with every
 * latency measured from the intended send time into HdrHistogram (no coordinated omission). The recorder runs on
 * the topology's threads and allocates nothing there.
 */
package io.ringway.perf.demo;
