/**
 * The operators' contract tests (from {@code patterns}' test-jar) run with their members in a second Ringway
 * runtime in this JVM, behind links over {@code tcp://} and {@code ipc://}: one small subclass per operator and
 * scheme ({@code Tcp<Op>Test}, {@code Ipc<Op>Test}) of a {@code Wire<Op>Contract} that returns the placement.
 * <ul>
 *     <li>fan-out: {@link io.ringway.transport.contract.WirePlacement}, subscribers remote;</li>
 *     <li>correlate-reply and gather: {@link io.ringway.transport.contract.WireMemberPlacement}, repliers and
 *     members remote;</li>
 *     <li>round-robin: {@link io.ringway.transport.contract.WireRoundRobinPlacement}, the last worker remote
 *     behind the remote workers' PUSH link, reached through {@link io.ringway.transport.contract.WireRuntimes};</li>
 *     <li>pair: not run over the wire yet; its contract declares the whole topology in one builder and needs the
 *     same placement seam first;</li>
 *     <li>router/dealer and pipeline: in-process only today (router/dealer has no wire link yet; a pipeline's
 *     stages share one ring by design).</li>
 * </ul>
 * A clause that cannot hold over the wire is disabled by name with its reason
 * ({@link io.ringway.transport.contract.WireClauses}), never weakened; docs/WIRE.md ("Contracts over the wire")
 * lists them. Waits are on conditions with timeouts ({@link io.ringway.transport.contract.WireQuiet}).
 */
package io.ringway.transport.contract;
