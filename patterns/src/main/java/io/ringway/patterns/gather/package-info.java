/**
 * Gather-with-deadline (scatter/gather): one request to N members, one result back when all, a quorum, or the
 * first have replied, or at the deadline. {@link io.ringway.patterns.gather.GatherSpec} declares it;
 * {@link io.ringway.patterns.gather.Gatherer} is the requester's end; {@link io.ringway.patterns.gather.GatherResult}
 * reads a result in place.
 * <p>
 * Conventions: sends return a gather id or a negative {@code SendResult} code; the result is a flyweight valid
 * during the handler call that receives it; every reply the operator waited for and did not get, and every reply
 * it threw away, is counted on the requester's address in the counters file; nothing is allocated per gather.
 */
package io.ringway.patterns.gather;
