/**
 * A trading-style topology, the showcase of the DSL and the workload of the tests, benchmarks and the
 * {@code ringway-perf demo}: market data fans out by symbol prefix to two strategies, orders go by key-affinity
 * to risk workers, risk workers call the order gateway by request-reply with a deadline, and a quoter gathers
 * quotes from three venues with a deadline, one venue being slow. Start it with
 * {@link io.ringway.patterns.examples.trading.TradingTopology#start}; the declaration itself is
 * {@code TradingTopology.declare}, one screen long.
 * <p>
 * Conventions: messages are fixed binary layouts described by the {@code *Descriptor} classes; nothing on the
 * message paths allocates; every loss, refusal and timeout is counted in
 * {@link io.ringway.patterns.examples.trading.TradingStats}.
 */
package io.ringway.patterns.examples.trading;
