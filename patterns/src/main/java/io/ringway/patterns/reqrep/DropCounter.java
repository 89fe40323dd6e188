package io.ringway.patterns.reqrep;

import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.MessageSlot;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Counts into the {@code dropped} counter of an attachment's own address, in the counters file, where an
 * operator watching the process sees it.
 * <p>
 * A stand-in: the runtime gives attachments no handle on their counters yet, so this offers the address a
 * message one byte longer than it accepts, which the address refuses, without writing anything, and counts as
 * dropped. The message is never read. When {@code AttachmentContext} exposes the address's counters, this
 * becomes {@code counters.onDropped(count)}.
 * <p>
 * Thread safety: any thread, as the address's counters.
 */
public final class DropCounter
{
    private static final UnsafeBuffer NOTHING = new UnsafeBuffer(new byte[0]);

    private final ActorRef address;
    private final int tooLong;

    /**
     * @param address an address whose maximum message length is below {@link Integer#MAX_VALUE}.
     */
    public DropCounter(final ActorRef address)
    {
        if (address.maxMessageLength() == Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("address " + address.name() + " accepts messages of any length");
        }
        this.address = address;
        this.tooLong = address.maxMessageLength() + 1;
    }

    /**
     * @param count how many to add to the address's {@code dropped} counter.
     */
    public void add(final int count)
    {
        final ActorRef address = this.address;
        final int tooLong = this.tooLong;
        for (int i = 0; i < count; i++)
        {
            address.offer(MessageSlot.NO_SENDER, 0, 0, NOTHING, 0, tooLong);
        }
    }
}
