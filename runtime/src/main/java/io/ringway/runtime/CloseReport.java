package io.ringway.runtime;

import java.util.Map;

/**
 * What {@link Ringway#close()} did: whether the work in flight finished before the drain deadline, and which
 * messages it had to discard. Discarded messages are also counted as dropped on their actors.
 *
 * @param drained            true if every mailbox emptied before the deadline.
 * @param discarded          messages left unread and discarded: in mailboxes, in shared rings once per reader
 *                           that had not read them, and what links could not send.
 * @param discardedByActor   the same, per mailbox (by actor or address name), per shared-ring reader
 *                           ({@code ring <ring> reader <reader>}) and per link, for those that had any.
 * @param durationNs         how long closing took.
 */
public record CloseReport(boolean drained, long discarded, Map<String, Long> discardedByActor, long durationNs)
{
    @Override
    public String toString()
    {
        return "ringway closed in " + (durationNs / 1_000_000) + " ms: "
            + (drained ? "drained" : "drain deadline passed")
            + (discarded == 0 ? ", nothing discarded" : ", discarded " + discarded + " messages " + discardedByActor);
    }
}
