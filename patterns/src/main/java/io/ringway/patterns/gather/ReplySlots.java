package io.ringway.patterns.gather;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Where the replies of open gathers wait: for each gather slot and each member, whether the member was reached,
 * whether it answered, and a copy of its reply in a pre-allocated region of the maximum message length.
 * <pre>
 *   replies:  | slot 0: member 0 | member 1 | ... | slot 1: member 0 | member 1 | ... |
 *             each region maxMessageLength bytes, at ((slot * memberCount) + member) * maxMessageLength
 * </pre>
 * Not thread safe: the owning actor's dispatcher thread.
 */
final class ReplySlots
{
    private final int memberCount;
    private final int maxMessageLength;
    private final boolean[] reached;
    private final boolean[] answered;
    private final int[] lengths;
    private final int[] reachedCounts;
    private final int[] answeredCounts;
    private final UnsafeBuffer replies;

    /**
     * @param slotCount        gathers that can be open at once.
     * @param memberCount      members of each gather.
     * @param maxMessageLength largest reply kept.
     */
    ReplySlots(final int slotCount, final int memberCount, final int maxMessageLength)
    {
        this.memberCount = memberCount;
        this.maxMessageLength = maxMessageLength;
        this.reached = new boolean[slotCount * memberCount];
        this.answered = new boolean[slotCount * memberCount];
        this.lengths = new int[slotCount * memberCount];
        this.reachedCounts = new int[slotCount];
        this.answeredCounts = new int[slotCount];
        this.replies = new UnsafeBuffer(new byte[slotCount * memberCount * maxMessageLength]);
    }

    void open(final int slot)
    {
        final int first = slot * memberCount;
        for (int i = first, end = first + memberCount; i < end; i++)
        {
            reached[i] = false;
            answered[i] = false;
            lengths[i] = 0;
        }
        reachedCounts[slot] = 0;
        answeredCounts[slot] = 0;
    }

    void markReached(final int slot, final int member)
    {
        reached[slot * memberCount + member] = true;
        reachedCounts[slot]++;
    }

    /**
     * @return true if kept; false if the member was not reached or has answered already.
     */
    boolean store(final int slot, final int member, final DirectBuffer buffer, final int offset, final int length)
    {
        final int i = slot * memberCount + member;
        if (!reached[i] || answered[i] || length > maxMessageLength)
        {
            return false;
        }
        replies.putBytes(i * maxMessageLength, buffer, offset, length);
        lengths[i] = length;
        answered[i] = true;
        answeredCounts[slot]++;
        return true;
    }

    int memberCount()
    {
        return memberCount;
    }

    int reachedCount(final int slot)
    {
        return reachedCounts[slot];
    }

    int answeredCount(final int slot)
    {
        return answeredCounts[slot];
    }

    boolean reached(final int slot, final int member)
    {
        return reached[slot * memberCount + member];
    }

    boolean answered(final int slot, final int member)
    {
        return answered[slot * memberCount + member];
    }

    UnsafeBuffer replies()
    {
        return replies;
    }

    int replyOffset(final int slot, final int member)
    {
        return (slot * memberCount + member) * maxMessageLength;
    }

    int replyLength(final int slot, final int member)
    {
        return lengths[slot * memberCount + member];
    }
}
