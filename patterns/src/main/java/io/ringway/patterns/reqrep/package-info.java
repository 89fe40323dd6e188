/**
 * Correlate-reply (ZeroMQ REQ/REP, DEALER/ROUTER): requests with correlation ids and deadlines, replies routed
 * to their requester only, counted timeouts and bounded retries. {@link io.ringway.patterns.reqrep.RequestReplySpec}
 * declares it; {@link io.ringway.patterns.reqrep.Requester} is the requester's end; repliers are plain actors that
 * answer with {@code context.reply(...)}.
 * <p>
 * Conventions: sends return a correlation id or a negative {@code SendResult} code; every request ends in exactly
 * one delivery to its requester, a reply or a {@code TIMEOUT}; every reply the operator waited for and did not
 * get, and every reply it threw away, is counted on the requester's address in the counters file; nothing is
 * allocated per request. The table of pending requests, {@link io.ringway.patterns.support.PendingTable}, is
 * shared with the gather operator.
 */
package io.ringway.patterns.reqrep;
