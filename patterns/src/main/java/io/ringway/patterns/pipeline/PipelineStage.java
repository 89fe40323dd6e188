package io.ringway.patterns.pipeline;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.RingReader;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A stage's end of a pipeline, attached to the stage actor under the operator's name. Every duty cycle it reads
 * the pipeline's ring with the stage's own reader, which is gated on every stage of the step before, and
 * delivers each message to the actor in place: the handler's buffer is the ring slot itself, never a copy.
 * <p>
 * A stage may edit the message in place, within {@code [offset, offset + length)} of the handler's arguments,
 * through {@link #mutableBuffer()}; the stages of later steps see the edit. Stages of the same step run in
 * parallel on the same slot, so they must not edit the same bytes.
 * <pre>{@code
 * PipelineStage stage = context.attachment("checks", PipelineStage.class);
 * // in onMessage(buffer, offset, length, header), for a message from the pipeline:
 * stage.mutableBuffer().putByte(offset + VALIDATED_OFFSET, (byte)1);
 * }</pre>
 * Deliveries are supervised like mailbox messages: if the handler throws, the message is dead-lettered for this
 * stage and counted, and the pipeline carries on, so the later steps still see the slot.
 * <p>
 * Thread safety: the stage actor's dispatcher thread only; {@link #backlog()} from any thread.
 */
public final class PipelineStage implements Attachment, EventPoller.Handler<MessageSlot>
{
    private final String operatorName;
    private final String stageName;
    private final int step;
    private final int batchLimit;
    private AttachmentContext context;
    private RingReader reader;
    private UnsafeBuffer current;

    PipelineStage(final String operatorName, final String stageName, final int step, final int batchLimit)
    {
        this.operatorName = operatorName;
        this.stageName = stageName;
        this.step = step;
        this.batchLimit = batchLimit;
    }

    @Override
    public void onStart(final AttachmentContext context)
    {
        this.context = context;
        this.reader = context.actor().sharedRing(operatorName).reader(stageName);
    }

    @Override
    public int doWork(final long nowNs)
    {
        return reader.poll(this, batchLimit);
    }

    @Override
    public boolean onEvent(final MessageSlot slot, final long sequence, final boolean endOfBatch)
    {
        final UnsafeBuffer buffer = slot.buffer();
        final int topicLength = slot.topicLength();
        current = buffer;
        try
        {
            context.deliver(buffer, topicLength, slot.length() - topicLength, slot);
        }
        finally
        {
            current = null;
        }
        return true;
    }

    /**
     * @return the slot being delivered, to edit the message in place; null when the message being handled did
     * not come from this pipeline. Valid only during the handler call.
     */
    public MutableDirectBuffer mutableBuffer()
    {
        return current;
    }

    /** @return this stage's step, counted from 1. */
    public int step()
    {
        return step;
    }

    /** @return messages published into the pipeline that this stage has not taken yet. Any thread. */
    public long backlog()
    {
        final RingReader reader = this.reader;
        return null == reader ? 0 : reader.backlog();
    }
}
