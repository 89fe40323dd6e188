package io.ringway.patterns.reqrep;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.support.PendingTable;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.MutableHeader;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;


/**
 * The requester's end of a correlate-reply operator, attached to the requesting actor under the operator's name
 * with an address of its own ({@code actor.operator}), which the replies come back to.
 * <pre>{@code
 * Requester gateway = context.attachment("gateway", Requester.class);   // in the actor's factory
 * long id = gateway.request(buffer, 0, length);                          // > 0, or a SendResult code
 * ...
 * public void onMessage(DirectBuffer buffer, int offset, int length, Header header)
 * {
 *     if (header.messageType() == PatternMessages.TIMEOUT) { ... header.correlationId() got no reply ... }
 *     else { ... the reply to request header.correlationId() ... }
 * }
 * }</pre>
 * Each request gets a new correlation id and a deadline of now + timeout, and waits in a pre-allocated table
 * of {@code maxInFlight} slots. Then exactly one of these reaches the actor's handler, under the request's
 * correlation id:
 * <ul>
 *     <li>the first reply, with the request's message type (the replier answers with {@code context.reply});</li>
 *     <li>after every retry has had its full timeout, a made-up message of type {@link PatternMessages#TIMEOUT}
 *     with an empty body.</li>
 * </ul>
 * A retry resends a copy of the request, under the same correlation id, to the next replier in rotation. A
 * reply that matches no pending request (it came after the timeout, or it is the second answer to a retried
 * request) is dropped and counted.
 * <p>
 * Counters, in the counters file under the address {@code actor.operator} and here: {@code timeouts},
 * {@code late replies} and {@code retries} ({@link #timeouts()}, {@link #lateReplies()}, {@link #retries()});
 * {@code dropped} counts timeouts plus late replies: every reply the requester waited for and did not get in
 * time, and every reply it threw away; {@code sent} counts requests and resends.
 * <p>
 * Allocation: none per request; the table and the copies kept for retries ({@code maxInFlight} times the
 * maximum message length, only when retries are on) are allocated when the topology is built.
 * <p>
 * Thread safety: {@link #request} and everything else but the counters run on the owning actor's dispatcher
 * thread: from its handlers, or from the thread that drives its caller-run dispatcher. The counters may be read
 * from any thread.
 */
public final class Requester implements Attachment
{
    private final String[] replierNames;
    private final long timeoutNs;
    private final int retries;
    private final int maxMessageLength;
    private final PendingTable pending;
    private final int[] messageTypes;
    private final int[] lengths;
    private final int[] retriesLeft;
    private final int[] lastRepliers;
    private final UnsafeBuffer copies;
    private final UnsafeBuffer emptyBody = new UnsafeBuffer(new byte[0]);
    private final MutableHeader timeoutHeader = new MutableHeader();

    private AttachmentContext context;
    private Header delivering;
    private ActorRef[] repliers;
    private AtomicCounter timeouts;
    private AtomicCounter lateReplies;
    private AtomicCounter retriesSent;
    private int nextReplier;
    private int acceptedBy;

    Requester(
        final String[] replierNames,
        final long timeoutNs,
        final int retries,
        final int maxInFlight,
        final int maxMessageLength)
    {
        this.replierNames = replierNames.clone();
        this.timeoutNs = timeoutNs;
        this.retries = retries;
        this.maxMessageLength = maxMessageLength;
        this.pending = new PendingTable(maxInFlight);
        this.messageTypes = new int[maxInFlight];
        this.lengths = new int[maxInFlight];
        this.retriesLeft = new int[maxInFlight];
        this.lastRepliers = new int[maxInFlight];
        this.copies = new UnsafeBuffer(new byte[retries > 0 ? maxInFlight * maxMessageLength : 0]);
    }

    @Override
    public void onStart(final AttachmentContext context)
    {
        this.context = context;
        final ActorRef[] repliers = new ActorRef[replierNames.length];
        for (int i = 0; i < repliers.length; i++)
        {
            repliers[i] = context.actor().lookup(replierNames[i]);
        }
        this.repliers = repliers;
        this.timeouts = context.newCounter("timeouts");
        this.lateReplies = context.newCounter("late replies");
        this.retriesSent = context.newCounter("retries");
    }

    /**
     * Sends a request of message type 0.
     *
     * @param buffer holding the request.
     * @param offset of the request.
     * @param length of the request.
     * @return as {@link #request(int, DirectBuffer, int, int)}.
     */
    public long request(final DirectBuffer buffer, final int offset, final int length)
    {
        return request(0, buffer, offset, length);
    }

    /**
     * Sends a request to the next replier in rotation (skipping any that refuse it) and starts its deadline.
     *
     * @param messageType the application's message type, 0 or more; the reply carries it too.
     * @param buffer      holding the request; copied before this returns.
     * @param offset      of the request.
     * @param length      of the request.
     * @return the request's correlation id (greater than 0), or a negative {@link SendResult} code, in which
     * case nothing was sent and nothing will be delivered: {@code BACK_PRESSURED} when {@code maxInFlight}
     * requests are pending or every replier's mailbox is full; {@code MESSAGE_TOO_LARGE} when longer than the
     * operator's maximum message length or a replier's; {@code CLOSED} when the repliers have stopped or the
     * runtime is closing; any other code a replier's mailbox returned.
     * @throws IllegalArgumentException if the message type is negative: those are reserved for operators.
     */
    public long request(final int messageType, final DirectBuffer buffer, final int offset, final int length)
    {
        if (messageType < 0)
        {
            throw new IllegalArgumentException("message type " + messageType + " is reserved; use 0 or more");
        }
        if (length > maxMessageLength)
        {
            return SendResult.MESSAGE_TOO_LARGE;
        }
        final PendingTable pending = this.pending;
        final int index = pending.add(context.actor().nowNs() + timeoutNs);
        if (PendingTable.NONE == index)
        {
            return SendResult.BACK_PRESSURED;
        }
        final long correlationId = pending.id(index);
        final long result = offerFrom(nextReplier, messageType, correlationId, buffer, offset, length);
        if (result < 0)
        {
            pending.remove(index);
            return result;
        }
        nextReplier = following(acceptedBy);
        lastRepliers[index] = acceptedBy;
        retriesLeft[index] = retries;
        if (retries > 0)
        {
            messageTypes[index] = messageType;
            lengths[index] = length;
            copies.putBytes(index * maxMessageLength, buffer, offset, length);
        }
        return correlationId;
    }

    /**
     * Expires requests whose deadline has passed: resends them while retries are left, else delivers a timeout.
     *
     * @param nowNs the dispatcher's clock.
     * @return the number of requests retried or timed out.
     */
    @Override
    public int doWork(final long nowNs)
    {
        final PendingTable pending = this.pending;
        int workCount = 0;
        int index;
        while (PendingTable.NONE != (index = pending.expired(nowNs)))
        {
            workCount++;
            final long correlationId = pending.id(index);
            if (retriesLeft[index] > 0)
            {
                retriesLeft[index]--;
                retriesSent.incrementRelease();
                pending.reschedule(index, nowNs + timeoutNs);
                // A resend that is refused is a lost attempt like any other: it waits out its timeout.
                if (offerFrom(following(lastRepliers[index]), messageTypes[index], correlationId, copies,
                    index * maxMessageLength, lengths[index]) >= 0)
                {
                    lastRepliers[index] = acceptedBy;
                }
            }
            else
            {
                // Freed before delivery, so that the handler may issue a new request in its place.
                pending.remove(index);
                timeouts.incrementRelease();
                context.counters().onDropped(1);
                deliver(emptyBody, 0, 0,
                    timeoutHeader.set(PatternMessages.TIMEOUT, MessageSlot.NO_SENDER, correlationId, nowNs, 0));
            }
        }
        return workCount;
    }

    /**
     * A reply: delivered to the actor if its request is pending, else dropped and counted.
     */
    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final int index = pending.indexOf(header.correlationId());
        if (PendingTable.NONE == index)
        {
            lateReplies.incrementRelease();
            context.counters().onDropped(1);
            return;
        }
        pending.remove(index);
        deliver(buffer, offset, length, header);
    }

    /**
     * Tells this requester's deliveries (a reply or a {@code TIMEOUT}) from the actor's other mail, in its handler.
     *
     * @param header of the message the actor is handling.
     * @return true if this requester is delivering it.
     */
    public boolean isReply(final Header header)
    {
        return null != header && header == delivering;
    }

    private void deliver(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final Header outer = delivering; // a handler may make a nested delivery through another attachment
        delivering = header;
        try
        {
            context.deliver(buffer, offset, length, header);
        }
        finally
        {
            delivering = outer;
        }
    }

    /** @return requests sent and not yet answered or timed out. Owner thread only. */
    public int inFlight()
    {
        return pending.size();
    }

    /** @return the most requests that may be pending at once. */
    public int maxInFlight()
    {
        return pending.capacity();
    }

    /** @return this end's own address, which replies come back to; null before the runtime starts. */
    public ActorRef address()
    {
        return null == context ? null : context.address();
    }

    /** @return requests that got no reply after every retry. Any thread. */
    public long timeouts()
    {
        return valueOf(timeouts);
    }

    /** @return replies dropped because no request was pending under their correlation id. Any thread. */
    public long lateReplies()
    {
        return valueOf(lateReplies);
    }

    /** @return requests resent after a timeout. Any thread. */
    public long retries()
    {
        return valueOf(retriesSent);
    }

    private long offerFrom(
        final int firstReplier,
        final int messageType,
        final long correlationId,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final ActorRef[] repliers = this.repliers;
        long result = SendResult.NOT_CONNECTED;
        int replier = firstReplier;
        for (int i = 0; i < repliers.length; i++)
        {
            result = context.send(repliers[replier], messageType, correlationId, buffer, offset, length);
            if (result >= 0)
            {
                acceptedBy = replier;
                return result;
            }
            replier = following(replier);
        }
        return result;
    }

    private int following(final int replier)
    {
        final int next = replier + 1;
        return next == repliers.length ? 0 : next;
    }

    private static long valueOf(final AtomicCounter counter)
    {
        return null == counter ? 0 : counter.get();
    }
}
