/**
 * The operators' contract tests (from {@code patterns}' test-jar) run with their members in a second Ringway
 * runtime in this JVM, behind links over {@code tcp://} and {@code ipc://}: one small subclass per operator and
 * scheme ({@code Tcp<Op>Test}, {@code Ipc<Op>Test}) of a {@code Wire<Op>Contract} that returns the placement.
 * <ul>
 *     <li>fan-out: {@link io.ringway.transport.contract.WirePlacement}, subscribers remote;</li>
 *     <li>correlate-reply and gather: {@link io.ringway.transport.contract.WireMemberPlacement}, repliers and
 *     members remote;</li>
 *     <li>pair: {@link io.ringway.transport.contract.WirePairPlacement}, end {@code b} remote behind a PAIR
 *     link;</li>
 *     <li>router/dealer: {@link io.ringway.transport.contract.WireRouterPlacement}, every dealer but the first
 *     remote, each behind a DEALER link to the router's ROUTER link;</li>
 *     <li>round-robin: {@link io.ringway.transport.contract.WireRoundRobinPlacement}, the last worker remote
 *     behind the remote workers' PUSH link;</li>
 *     <li>pipeline: in-process only (its stages share one ring by design).</li>
 * </ul>
 * Pair, router/dealer and round-robin reach both runtimes through {@link io.ringway.transport.contract.WireRuntimes}.
 * A clause that cannot hold over the wire is disabled by name with its reason
 * ({@link io.ringway.transport.contract.WireClauses}), never weakened; docs/WIRE.md ("Contracts over the wire")
 * lists them. Waits are on conditions with timeouts ({@link io.ringway.transport.contract.WireQuiet}).
 */
package io.ringway.transport.contract;
