/**
 * Router/dealer (ZeroMQ ROUTER/DEALER with {@code ROUTER_MANDATORY}): a router sends to its dealers by identity
 * and learns which dealer sent what it receives; a message for an identity that is no dealer's is refused with
 * {@link io.ringway.runtime.ring.SendResult#UNROUTABLE}, never dropped silently. Declared with
 * {@link io.ringway.patterns.router.RouterSpec}; the router uses its {@link io.ringway.patterns.router.Router}
 * attachment, each dealer its {@link io.ringway.patterns.router.Dealer}.
 */
package io.ringway.patterns.router;
