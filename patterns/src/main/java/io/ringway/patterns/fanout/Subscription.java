package io.ringway.patterns.fanout;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.RingReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A subscriber's end of a fan-out, attached to the subscriber actor under the operator's name. Every duty
 * cycle it reads the fan-out's ring with its own reader and delivers to the actor each message whose topic
 * starts with one of its prefixes (byte prefix match, as ZeroMQ's SUB; the empty prefix takes everything), once
 * however many prefixes match. The actor's handler gets the body; the topic sits just before it, for
 * {@code header.topicLength()} bytes. Deliveries are supervised like mailbox messages.
 * <pre>{@code
 * Subscription prices = context.attachment("prices", Subscription.class);
 * prices.subscribe("GBP");     // from the actor's own handlers, at any time
 * long lost = prices.missed(); // lossy subscribers only
 * }</pre>
 * A change of prefixes applies from the next message this subscriber reads, including messages already waiting
 * in the ring. Prefixes are held in storage sized when the topology is built, so changing them allocates
 * nothing. They belong to the topology, not to the actor: they survive the actor's restarts.
 * <p>
 * Codes: {@link #subscribe} returns how many times the prefix is now subscribed (at least 1), or
 * {@link #PREFIX_TOO_LONG} or {@link #TOO_MANY_PREFIXES}; {@link #unsubscribe} returns how many times it is
 * still subscribed (0 when gone), or {@link #NOT_SUBSCRIBED}.
 * <p>
 * Thread safety: {@code subscribe} and {@code unsubscribe} on the subscriber's dispatcher thread only (its
 * handlers, its factory); {@link #missed()} from any thread.
 */
public final class Subscription implements Attachment, EventPoller.Handler<MessageSlot>
{
    /** The prefix is longer than the fan-out's {@code maxPrefixLength}; nothing changed. */
    public static final int PREFIX_TOO_LONG = -1;
    /** The subscriber already holds {@code maxPrefixes} distinct prefixes; nothing changed. */
    public static final int TOO_MANY_PREFIXES = -2;
    /** The prefix was not subscribed; nothing changed. */
    public static final int NOT_SUBSCRIBED = -3;

    private final String operatorName;
    private final String subscriberName;
    private final Delivery delivery;
    private final int batchLimit;
    private final TopicPrefixes prefixes;
    private AttachmentContext context;
    private RingReader reader;

    Subscription(
        final String operatorName,
        final String subscriberName,
        final Delivery delivery,
        final int batchLimit,
        final TopicPrefixes prefixes)
    {
        this.operatorName = operatorName;
        this.subscriberName = subscriberName;
        this.delivery = delivery;
        this.batchLimit = batchLimit;
        this.prefixes = prefixes;
    }

    @Override
    public void onStart(final AttachmentContext context)
    {
        this.context = context;
        this.reader = context.actor().sharedRing(operatorName).reader(subscriberName);
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
        if (prefixes.matches(buffer, 0, topicLength))
        {
            context.deliver(buffer, topicLength, slot.length() - topicLength, slot);
        }
        return true;
    }

    /**
     * Adds a topic prefix. Allocates nothing.
     *
     * @param prefix holding the prefix.
     * @param offset of the prefix.
     * @param length of the prefix; 0 subscribes to everything.
     * @return how many times the prefix is now subscribed, or {@link #PREFIX_TOO_LONG} or
     * {@link #TOO_MANY_PREFIXES}.
     */
    public int subscribe(final DirectBuffer prefix, final int offset, final int length)
    {
        return prefixes.add(prefix, offset, length);
    }

    /**
     * Adds a topic prefix given as text, encoded as UTF-8. Allocates: for set-up code, not hot paths.
     *
     * @param prefix the prefix; "" subscribes to everything.
     * @return as {@link #subscribe(DirectBuffer, int, int)}.
     */
    public int subscribe(final String prefix)
    {
        final UnsafeBuffer bytes = new UnsafeBuffer(prefix.getBytes(StandardCharsets.UTF_8));
        return prefixes.add(bytes, 0, bytes.capacity());
    }

    /**
     * Removes one subscription to a topic prefix. Allocates nothing.
     *
     * @param prefix holding the prefix.
     * @param offset of the prefix.
     * @param length of the prefix.
     * @return how many times the prefix is still subscribed, or {@link #NOT_SUBSCRIBED}.
     */
    public int unsubscribe(final DirectBuffer prefix, final int offset, final int length)
    {
        return prefixes.remove(prefix, offset, length);
    }

    /**
     * Removes one subscription to a topic prefix given as text, encoded as UTF-8. Allocates.
     *
     * @param prefix the prefix.
     * @return as {@link #unsubscribe(DirectBuffer, int, int)}.
     */
    public int unsubscribe(final String prefix)
    {
        final UnsafeBuffer bytes = new UnsafeBuffer(prefix.getBytes(StandardCharsets.UTF_8));
        return prefixes.remove(bytes, 0, bytes.capacity());
    }

    /** @return the number of distinct prefixes subscribed. Dispatcher thread only. */
    public int prefixCount()
    {
        return prefixes.size();
    }

    /** @return how this subscriber keeps up. */
    public Delivery delivery()
    {
        return delivery;
    }

    /**
     * Messages this subscriber lost by being lapped, whether or not their topics would have matched (a lapped
     * message was overwritten before its topic was read). Always 0 for a lossless subscriber. The same figure is
     * counted as dropped on the reader's counters, labelled {@code ring <operator> reader <subscriber>}.
     *
     * @return messages missed so far. Any thread.
     */
    public long missed()
    {
        final RingReader reader = this.reader;
        return null == reader ? 0 : reader.missed();
    }
}
