package io.ringway.runtime.actor;

import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * What an {@link Attachment} uses: its owner's context, its own address and counters, sending as its own
 * address, and the supervised way into the owner's handler.
 * <p>
 * Thread safety: none; use on the owner's dispatcher thread only.
 */
public interface AttachmentContext
{
    /** @return the owning actor's context, to send as the actor and read its clock. */
    ActorContext actor();

    /**
     * @return the attachment's own address when it was declared with one, else the owning actor's address.
     * Messages sent with this id as sender are answered to that address.
     */
    ActorRef address();

    /**
     * @return the counters of {@link #address()}, in the runtime's counters file: what the attachment sends
     * through this context counts as {@code sent}, what reaches its own address as {@code received}, and the
     * attachment adds what it drops with {@link MessageCounters#onDropped(long)}.
     */
    MessageCounters counters();

    /**
     * Allocates a counter of the attachment's own, such as {@code timeouts} or {@code late replies}, in the
     * counters file under the label {@code actor <address>: <name>}, where {@code ringway-perf stat} and any other
     * reader sees it. Call it from {@link Attachment#onStart}; each attachment has room for eight.
     *
     * @param name what the counter counts.
     * @return the counter, zero to begin with.
     * @throws IllegalStateException when the counters file has no room left.
     */
    AtomicCounter newCounter(String name);

    /** @return the most messages the attachment should handle in one {@link Attachment#doWork} call. */
    int batchLimit();

    /**
     * Sends a message with {@link #address()} as its sender, so that answers come back to the attachment.
     *
     * @param to            where to send.
     * @param messageType   the message's type.
     * @param correlationId the message's correlation id.
     * @param buffer        holding the body.
     * @param offset        of the body.
     * @param length        of the body.
     * @return the new position when sent, else a negative {@link io.ringway.runtime.ring.SendResult} code.
     */
    long send(MessageSink to, int messageType, long correlationId, DirectBuffer buffer, int offset, int length);

    /**
     * Claims a slot in {@code to} for a message with {@link #address()} as its sender; fill it, then
     * {@link SlotClaim#commit()} or {@link SlotClaim#abort()}.
     *
     * @param to     where to send.
     * @param length of the body.
     * @param claim  the flyweight to point at the slot.
     * @return the new position when claimed, else a negative {@link io.ringway.runtime.ring.SendResult} code.
     */
    long tryClaim(MessageSink to, int length, SlotClaim claim);

    /**
     * Hands a message to the owning actor's {@link Actor#onMessage}, supervised exactly like a message from its
     * mailbox: if the handler throws, the message is dead-lettered, counted, and the supervision policy applies.
     *
     * @param buffer holding the body.
     * @param offset of the body.
     * @param length of the body.
     * @param header of the message.
     */
    void deliver(DirectBuffer buffer, int offset, int length, Header header);
}
