package io.ringway.patterns.pipeline;

import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SharedRing;
import io.ringway.runtime.ring.SlotClaim;
import org.agrona.DirectBuffer;

/**
 * A publisher's end of a pipeline, attached to the publisher actor under the operator's name: it writes into
 * the pipeline's ring, stamped with the publisher as sender, where the first step's stages read it.
 * <pre>{@code
 * PipelineSource checks = context.attachment("checks", PipelineSource.class);
 * long result = checks.offer(ORDER, orderId, order, 0, orderLength);
 * }</pre>
 * Codes: a position ({@code >= 0}) on success, else {@link SendResult#BACK_PRESSURED} (the slowest stage of the
 * last step is a whole ring behind: try again later), {@link SendResult#MESSAGE_TOO_LARGE},
 * {@link SendResult#CLOSED} (the runtime is closing) or {@link SendResult#NOT_SINGLE_PRODUCER}. Every refusal
 * is counted on the ring's counters. Never blocks; allocates nothing.
 * <p>
 * Thread safety: the publisher actor's dispatcher thread only.
 */
public final class PipelineSource implements Attachment
{
    private final String operatorName;
    private ActorContext actor;
    private SharedRing ring;

    PipelineSource(final String operatorName)
    {
        this.operatorName = operatorName;
    }

    @Override
    public void onStart(final AttachmentContext context)
    {
        this.actor = context.actor();
        this.ring = actor.sharedRing(operatorName);
    }

    /**
     * Copies a message into the pipeline, with message type 0 and no correlation id.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return a position, or a negative {@link SendResult} code as listed on the class.
     */
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return actor.send(ring, buffer, offset, length);
    }

    /**
     * Copies a message into the pipeline.
     *
     * @param messageType   the application's message type.
     * @param correlationId 0 for none.
     * @param buffer        holding the message.
     * @param offset        of the message.
     * @param length        of the message.
     * @return a position, or a negative {@link SendResult} code as listed on the class.
     */
    public long offer(
        final int messageType, final long correlationId, final DirectBuffer buffer, final int offset, final int length)
    {
        return actor.send(ring, messageType, correlationId, buffer, offset, length);
    }

    /**
     * Claims a slot to encode a message in place; on success {@code commit()} or {@code abort()} it. The first
     * step waits at the claimed slot until then, so keep the claim short.
     *
     * @param length bytes to claim.
     * @param claim  filled in on success.
     * @return a position, or a negative {@link SendResult} code as listed on the class.
     */
    public long tryClaim(final int length, final SlotClaim claim)
    {
        return actor.tryClaim(ring, length, claim);
    }

    /** @return messages the last step has not finished yet. Any thread, once started. */
    public long backlog()
    {
        return ring.backlog();
    }
}
