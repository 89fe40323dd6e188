package io.ringway.transport.zmq;

import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.MessageCounters;

/**
 * The inbound half of a wire path's duty cycle: reads messages from the socket and delivers them into the
 * runtime, at most a batch a cycle, with the sink's own codes.
 * <ul>
 *     <li>{@code BACK_PRESSURED}: the message is held, counted once as back-pressured, and offered again first
 *     next cycle; the socket is not read meanwhile, so JeroMQ's high-water mark pushes back on the peer.</li>
 *     <li>Any other refusal: the message is let go and counted as dropped.</li>
 *     <li>Delivered: counted as received, once a batch.</li>
 * </ul>
 * What a message is, how it is read and checked and where it goes, is the path's ({@link Messages}).
 * <p>
 * Thread safety: the link's thread only. Allocates nothing.
 */
final class InboundPump
{
    /** {@link Messages#read()}: a message is ready to deliver. */
    static final int READ = 1;
    /** {@link Messages#read()}: a message was read and dropped by the path (malformed, a bad connection's). */
    static final int SKIPPED = 0;
    /** {@link Messages#read()}: the socket has nothing more to read. */
    static final int EMPTY = -1;

    /**
     * One message at a time, kept by the path in its own fields from {@link #read()} until {@link #release()}.
     */
    interface Messages
    {
        /**
         * Reads the next message from the socket; one the path refuses is read to its end and counted by the path.
         *
         * @return {@link #READ}, {@link #SKIPPED} (counts against the batch) or {@link #EMPTY}.
         */
        int read();

        /**
         * Offers the message read into the runtime; may be called again with the same message after
         * {@code BACK_PRESSURED}.
         *
         * @return the sink's code: a position (delivered) or a negative {@link SendResult}.
         */
        long deliver();

        /** Lets the message go: delivered, refused for good, or dropped at close. */
        void release();
    }

    private final Messages messages;
    private final MessageCounters counters;
    private final int batchLimit;
    private boolean holding;

    /**
     * @param messages   what the path reads and where it delivers.
     * @param counters   the link's counters.
     * @param batchLimit messages read a cycle at most, held one included.
     */
    InboundPump(final Messages messages, final MessageCounters counters, final int batchLimit)
    {
        this.messages = messages;
        this.counters = counters;
        this.batchLimit = batchLimit;
    }

    /**
     * @return messages taken from the socket this cycle, delivered or dropped; 0 while the held one is still
     * back-pressured.
     */
    int pump()
    {
        final Messages messages = this.messages;
        int work = 0;
        int received = 0;
        if (holding)
        {
            final long result = messages.deliver();
            if (result == SendResult.BACK_PRESSURED)
            {
                return 0;
            }
            holding = false;
            received += settle(result);
            work++;
        }
        while (work < batchLimit)
        {
            final int read = messages.read();
            if (EMPTY == read)
            {
                break;
            }
            work++;
            if (SKIPPED == read)
            {
                continue;
            }
            final long result = messages.deliver();
            if (result == SendResult.BACK_PRESSURED)
            {
                holding = true;
                counters.onBackPressured();
                break;
            }
            received += settle(result);
        }
        if (received > 0)
        {
            counters.onReceived(received);
        }
        return work;
    }

    /** @return 1 if delivered; 0 if refused, counted as dropped. */
    private int settle(final long result)
    {
        messages.release();
        if (result >= 0)
        {
            return 1;
        }
        counters.onDropped(1);
        return 0;
    }

    /**
     * At close: a message still held for back-pressure is let go and counted as dropped.
     *
     * @return 1 if one was held, else 0.
     */
    int dropHeld()
    {
        if (!holding)
        {
            return 0;
        }
        holding = false;
        messages.release();
        counters.onDropped(1);
        return 1;
    }
}
