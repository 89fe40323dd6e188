package io.ringway.patterns.fanout;

import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SharedRing;
import io.ringway.runtime.ring.SlotClaim;
import org.agrona.DirectBuffer;

/**
 * A publisher's end of a fan-out, attached to the publisher actor under the operator's name: it writes
 * {@code [topic][body]} into the fan-out's one ring, as a ZeroMQ PUB sends two frames, stamped with the
 * publisher as sender. Every subscriber reads the same slot; nothing is copied per subscriber.
 * <pre>{@code
 * FanOutPublisher prices = context.attachment("prices", FanOutPublisher.class);
 * long result = prices.publish(topic, 0, topicLength, body, 0, bodyLength);
 * }</pre>
 * Codes: a position ({@code >= 0}) on success, else {@link SendResult#BACK_PRESSURED} (a lossless subscriber is
 * a whole ring behind: try again later), {@link SendResult#MESSAGE_TOO_LARGE} (topic plus body exceed the
 * ring's {@code maxMessageLength}), {@link SendResult#CLOSED} (the runtime is closing) or
 * {@link SendResult#NOT_SINGLE_PRODUCER}. Every refusal is counted on the ring's counters. Never blocks.
 * <p>
 * Thread safety: the publisher actor's dispatcher thread only (its handlers, timers, factory).
 */
public final class FanOutPublisher implements Attachment
{
    private final String operatorName;
    private ActorContext actor;
    private SharedRing ring;

    FanOutPublisher(final String operatorName)
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
     * Publishes a copy of a topic and a body. Allocates nothing.
     *
     * @param topic       holding the topic.
     * @param topicOffset of the topic.
     * @param topicLength of the topic; 0 for none (then only subscribers of the empty prefix receive it).
     * @param body        holding the body.
     * @param offset      of the body.
     * @param length      of the body.
     * @return a position, or a negative {@link SendResult} code as listed on the class.
     */
    public long publish(
        final DirectBuffer topic,
        final int topicOffset,
        final int topicLength,
        final DirectBuffer body,
        final int offset,
        final int length)
    {
        return actor.publish(ring, topic, topicOffset, topicLength, body, offset, length);
    }

    /**
     * Claims a slot of the ring to encode a message in place: write the topic then the body at
     * {@code [0, length)} of {@code claim.buffer()}, set {@code claim.topicLength(...)}, then {@code commit()} or
     * {@code abort()}. Subscribers wait at the claimed slot until then, so keep the claim short.
     *
     * @param length topic plus body, in bytes.
     * @param claim  filled in on success.
     * @return a position, or a negative {@link SendResult} code as listed on the class.
     */
    public long tryClaim(final int length, final SlotClaim claim)
    {
        return actor.tryClaim(ring, length, claim);
    }

    /** @return messages the slowest lossless subscriber has not read yet. Any thread, once started. */
    public long backlog()
    {
        return ring.backlog();
    }

    /** @return the largest topic plus body accepted, in bytes. Any thread, once started. */
    public int maxMessageLength()
    {
        return ring.maxMessageLength();
    }
}
