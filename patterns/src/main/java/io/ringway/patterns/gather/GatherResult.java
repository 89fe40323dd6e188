package io.ringway.patterns.gather;

import io.ringway.patterns.PatternMessages;
import org.agrona.DirectBuffer;

/**
 * The outcome of one gather, read while the actor handles its {@link PatternMessages#GATHER_RESULT} message:
 * which members answered, their replies, and which did not. A flyweight over the gatherer's
 * pre-allocated slots, valid only during that call; copy what you need to keep.
 * <pre>{@code
 * GatherResult result = gatherer.result();
 * for (int i = 0; i < result.memberCount(); i++)
 * {
 *     if (result.answered(i))
 *     {
 *         price(result.replyBuffer(), result.replyOffset(i), result.replyLength(i));
 *     }
 *     else
 *     {
 *         log.missing(result.memberName(i));   // silent, threw, or (reached(i) == false) refused the request
 *     }
 * }
 * }</pre>
 * Members are numbered in the order the operator lists them. Allocates nothing.
 * <p>
 * Not thread safe: the owning actor's dispatcher thread, during the call.
 */
public final class GatherResult
{
    private final ReplySlots slots;
    private final String[] memberNames;
    private final int needed;
    private int slot;
    private long gatherId;
    private boolean deadlinePassed;

    GatherResult(final ReplySlots slots, final String[] memberNames, final int needed)
    {
        this.slots = slots;
        this.memberNames = memberNames;
        this.needed = needed;
    }

    void wrap(final int slot, final long gatherId, final boolean deadlinePassed)
    {
        this.slot = slot;
        this.gatherId = gatherId;
        this.deadlinePassed = deadlinePassed;
    }

    /** @return the gather's id, as returned by {@code scatter} and carried as the correlation id. */
    public long gatherId()
    {
        return gatherId;
    }

    /** @return the number of members, answering or not. */
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

    /**
     * @param memberName a member's actor name.
     * @return its index, or -1 if it is not a member.
     */
    public int memberIndex(final String memberName)
    {
        for (int i = 0; i < memberNames.length; i++)
        {
            if (memberNames[i].equals(memberName))
            {
                return i;
            }
        }
        return -1;
    }

    /** @return how many members answered in time. */
    public int replyCount()
    {
        return slots.answeredCount(slot);
    }

    /** @return how many members did not answer in time: {@code memberCount() - replyCount()}. */
    public int missingCount()
    {
        return memberNames.length - slots.answeredCount(slot);
    }

    /**
     * @param memberIndex a member.
     * @return true if its reply came before the gather completed.
     */
    public boolean answered(final int memberIndex)
    {
        return slots.answered(slot, memberIndex);
    }

    /**
     * @param memberIndex a member.
     * @return true if the request reached its mailbox; false if the mailbox refused it (full, closed).
     */
    public boolean reached(final int memberIndex)
    {
        return slots.reached(slot, memberIndex);
    }

    /** @return the buffer holding every reply; see {@link #replyOffset} and {@link #replyLength}. */
    public DirectBuffer replyBuffer()
    {
        return slots.replies();
    }

    /**
     * @param memberIndex a member that answered.
     * @return where its reply starts in {@link #replyBuffer()}.
     */
    public int replyOffset(final int memberIndex)
    {
        return slots.replyOffset(slot, memberIndex);
    }

    /**
     * @param memberIndex a member.
     * @return the length of its reply; 0 if it did not answer.
     */
    public int replyLength(final int memberIndex)
    {
        return slots.replyLength(slot, memberIndex);
    }

    /** @return true if the completion rule was met: all, the quorum, or the first reply. */
    public boolean ruleMet()
    {
        return slots.answeredCount(slot) >= needed;
    }

    /** @return true if the gather completed because its deadline passed. */
    public boolean deadlinePassed()
    {
        return deadlinePassed;
    }
}
