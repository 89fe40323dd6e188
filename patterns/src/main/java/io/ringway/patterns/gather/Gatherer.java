package io.ringway.patterns.gather;

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
import org.agrona.collections.Int2IntHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;


/**
 * The requester's end of a gather-with-deadline operator, attached to the requesting actor under the operator's
 * name with an address of its own ({@code actor.operator}), which the members' replies come back to.
 * <pre>{@code
 * Gatherer quotes = context.attachment("quotes", Gatherer.class);    // in the actor's factory
 * long gatherId = quotes.scatter(buffer, 0, length);                  // > 0, or a SendResult code
 * ...
 * public void onMessage(DirectBuffer buffer, int offset, int length, Header header)
 * {
 *     if (header.messageType() == PatternMessages.GATHER_RESULT)
 *     {
 *         GatherResult result = quotes.result();                      // for gather header.correlationId()
 *         ...
 *     }
 * }
 * }</pre>
 * {@link #scatter} sends one request to every member, with the gather's id as correlation id; members answer
 * with {@code context.reply(...)}. Each reply is copied into a slot kept for that gather and member. The gather
 * completes, and its result is delivered to the actor once, at the first of:
 * <ul>
 *     <li>the completion rule is met: every member, a quorum of K, or the first reply;</li>
 *     <li>every member the request reached has answered, so nothing more can come (this happens before the
 *     rule only when some member's mailbox refused the request);</li>
 *     <li>the deadline.</li>
 * </ul>
 * A member that does not answer in time (silent, slow, or its handler threw) is named as missing in the result.
 * A member whose mailbox refused the request (full, closed) is missing too, and {@link GatherResult#reached}
 * tells it apart. A reply after completion, a second reply from the same member, or a reply from a non-member
 * is dropped and counted.
 * <p>
 * Counters, in the counters file under the address {@code actor.operator} and here: {@code completed gathers},
 * {@code expired gathers}, {@code missed replies}, {@code unreached members} and {@code late replies}
 * ({@link #completedGathers()}, {@link #expiredGathers()}, {@link #missedReplies()}, {@link #unreachedMembers()},
 * {@link #lateReplies()}); {@code dropped} counts missed plus late replies: every reply the gatherer waited
 * for until the deadline and did not get, and every reply it threw away.
 * <p>
 * Allocation: none per gather; the slots ({@code maxInFlight + 1} gathers times the members times the maximum
 * message length) are allocated when the topology is built. The extra slot holds the result being delivered,
 * so that the actor may scatter again while handling it.
 * <p>
 * Thread safety: {@link #scatter}, {@link #result()} and the rest but the counters run on the owning actor's
 * dispatcher thread: from its handlers, or from the thread that drives its caller-run dispatcher. The counters
 * may be read from any thread.
 */
public final class Gatherer implements Attachment
{
    private final String[] memberNames;
    private final long deadlineNs;
    private final int maxInFlight;
    private final PendingTable pending;
    private final ReplySlots slots;
    private final GatherResult result;
    private final Int2IntHashMap memberIndexById = new Int2IntHashMap(PendingTable.NONE);
    private final int needed;
    private final UnsafeBuffer emptyBody = new UnsafeBuffer(new byte[0]);
    private final MutableHeader resultHeader = new MutableHeader();

    private AttachmentContext context;
    private ActorRef[] members;
    private AtomicCounter completedGathers;
    private AtomicCounter expiredGathers;
    private AtomicCounter missedReplies;
    private AtomicCounter unreachedMembers;
    private AtomicCounter lateReplies;
    private int delivering = PendingTable.NONE;

    Gatherer(
        final String[] memberNames,
        final int needed,
        final long deadlineNs,
        final int maxInFlight,
        final int maxMessageLength)
    {
        this.memberNames = memberNames.clone();
        this.needed = needed;
        this.deadlineNs = deadlineNs;
        this.maxInFlight = maxInFlight;
        this.pending = new PendingTable(maxInFlight + 1);
        this.slots = new ReplySlots(maxInFlight + 1, memberNames.length, maxMessageLength);
        this.result = new GatherResult(slots, this.memberNames, needed);
    }

    @Override
    public void onStart(final AttachmentContext context)
    {
        this.context = context;
        final ActorRef[] members = new ActorRef[memberNames.length];
        for (int i = 0; i < members.length; i++)
        {
            members[i] = context.actor().lookup(memberNames[i]);
            memberIndexById.put(members[i].id(), i);
        }
        this.members = members;
        this.completedGathers = context.newCounter("completed gathers");
        this.expiredGathers = context.newCounter("expired gathers");
        this.missedReplies = context.newCounter("missed replies");
        this.unreachedMembers = context.newCounter("unreached members");
        this.lateReplies = context.newCounter("late replies");
    }

    /**
     * Scatters a request of message type 0.
     *
     * @param buffer holding the request.
     * @param offset of the request.
     * @param length of the request.
     * @return as {@link #scatter(int, DirectBuffer, int, int)}.
     */
    public long scatter(final DirectBuffer buffer, final int offset, final int length)
    {
        return scatter(0, buffer, offset, length);
    }

    /**
     * Sends one copy of a request to every member and starts the gather's deadline. Members whose mailbox
     * refuses the request are not tried again: they count as not answering, and the result names them.
     *
     * @param messageType the application's message type, 0 or more; the replies carry it too.
     * @param buffer      holding the request.
     * @param offset      of the request.
     * @param length      of the request.
     * @return the gather's id (greater than 0) when at least one member was reached; else a negative
     * {@link SendResult} code and no result will be delivered: {@code BACK_PRESSURED} when {@code maxInFlight}
     * gathers are open, otherwise the code of the first member that refused, e.g. {@code BACK_PRESSURED} when
     * every mailbox was full, {@code MESSAGE_TOO_LARGE}, {@code CLOSED}.
     * @throws IllegalArgumentException if the message type is negative: those are reserved for operators.
     */
    public long scatter(final int messageType, final DirectBuffer buffer, final int offset, final int length)
    {
        if (messageType < 0)
        {
            throw new IllegalArgumentException("message type " + messageType + " is reserved; use 0 or more");
        }
        if (openGathers() >= maxInFlight)
        {
            return SendResult.BACK_PRESSURED;
        }
        final PendingTable pending = this.pending;
        final int slot = pending.add(context.actor().nowNs() + deadlineNs);
        final long gatherId = pending.id(slot);
        final ReplySlots slots = this.slots;
        slots.open(slot);

        final ActorRef[] members = this.members;
        long firstRefusal = 0;
        for (int i = 0; i < members.length; i++)
        {
            final long sent = context.send(members[i], messageType, gatherId, buffer, offset, length);
            if (sent >= 0)
            {
                slots.markReached(slot, i);
            }
            else if (0 == firstRefusal)
            {
                firstRefusal = sent;
            }
        }

        final int reached = slots.reachedCount(slot);
        if (0 == reached)
        {
            pending.remove(slot);
            return firstRefusal;
        }
        if (reached < members.length)
        {
            add(unreachedMembers, members.length - reached);
        }
        return gatherId;
    }

    /**
     * @return the result of the gather being delivered, during the actor's handling of its
     * {@link PatternMessages#GATHER_RESULT} message.
     * @throws IllegalStateException at any other time.
     */
    public GatherResult result()
    {
        if (PendingTable.NONE == delivering)
        {
            throw new IllegalStateException("no gather result is being delivered; read it while handling "
                + "the GATHER_RESULT message");
        }
        return result;
    }

    /**
     * Completes the gathers whose deadline has passed.
     *
     * @param nowNs the dispatcher's clock.
     * @return the number of gathers completed.
     */
    @Override
    public int doWork(final long nowNs)
    {
        int workCount = 0;
        int slot;
        while (PendingTable.NONE != (slot = pending.expired(nowNs)))
        {
            workCount++;
            final int missed = slots.reachedCount(slot) - slots.answeredCount(slot);
            add(missedReplies, missed);
            context.counters().onDropped(missed);
            add(expiredGathers, 1);
            complete(slot, nowNs, true);
        }
        return workCount;
    }

    /**
     * A member's reply: kept if its gather is open and the member has not answered yet, else dropped and
     * counted. Completes the gather when the rule is met or nothing more can come.
     */
    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final int slot = pending.indexOf(header.correlationId());
        final int member = memberIndexById.get(header.senderId());
        if (PendingTable.NONE == slot || PendingTable.NONE == member ||
            !slots.store(slot, member, buffer, offset, length))
        {
            add(lateReplies, 1);
            context.counters().onDropped(1);
            return;
        }
        final int answered = slots.answeredCount(slot);
        if (answered >= needed || answered == slots.reachedCount(slot))
        {
            complete(slot, context.actor().nowNs(), false);
        }
    }

    private void complete(final int slot, final long nowNs, final boolean deadlinePassed)
    {
        final long gatherId = pending.id(slot);
        add(completedGathers, 1);
        result.wrap(slot, gatherId, deadlinePassed);
        delivering = slot;
        try
        {
            context.deliver(emptyBody, 0, 0,
                resultHeader.set(PatternMessages.GATHER_RESULT, MessageSlot.NO_SENDER, gatherId, nowNs, 0));
        }
        finally
        {
            delivering = PendingTable.NONE;
            pending.remove(slot);
        }
    }

    /** @return gathers scattered and not yet completed. Owner thread only. */
    public int openGathers()
    {
        return pending.size() - (PendingTable.NONE == delivering ? 0 : 1);
    }

    /** @return the most gathers that may be open at once. */
    public int maxInFlight()
    {
        return maxInFlight;
    }

    /** @return the number of members. */
    public int memberCount()
    {
        return memberNames.length;
    }

    /**
     * @param memberIndex from 0 to {@link #memberCount()} - 1.
     * @return the member's actor name.
     */
    public String memberName(final int memberIndex)
    {
        return memberNames[memberIndex];
    }

    /** @return this end's own address, which replies come back to; null before the runtime starts. */
    public ActorRef address()
    {
        return null == context ? null : context.address();
    }

    /** @return gathers whose result was delivered. Any thread. */
    public long completedGathers()
    {
        return valueOf(completedGathers);
    }

    /** @return gathers completed by their deadline rather than by their rule. Any thread. */
    public long expiredGathers()
    {
        return valueOf(expiredGathers);
    }

    /** @return replies from reached members still missing when a gather's deadline passed. Any thread. */
    public long missedReplies()
    {
        return valueOf(missedReplies);
    }

    /** @return requests that a member's mailbox refused at scatter. Any thread. */
    public long unreachedMembers()
    {
        return valueOf(unreachedMembers);
    }

    /** @return replies dropped: after completion, a member's second, or from a non-member. Any thread. */
    public long lateReplies()
    {
        return valueOf(lateReplies);
    }

    private static void add(final AtomicCounter counter, final long delta)
    {
        // Single writer: the owner's dispatcher thread; readers on other threads see it through the release.
        counter.getAndAddRelease(delta);
    }

    private static long valueOf(final AtomicCounter counter)
    {
        return null == counter ? 0 : counter.get();
    }
}
