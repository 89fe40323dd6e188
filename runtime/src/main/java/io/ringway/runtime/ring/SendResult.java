package io.ringway.runtime.ring;

/**
 * Result codes of every non-blocking send ({@code offer}, {@code tryClaim}), in the style of Aeron's
 * {@code Publication.offer}: a non-negative value is success (the position of the message in its ring),
 * a negative value is one of the constants below. Back-pressure is a code, never an exception.
 */
public final class SendResult
{
    /** The ring is full: the consumer is behind. Try again later; the message was not written. */
    public static final long BACK_PRESSURED = -1;

    /** Nobody to deliver to: no sender to reply to, or no remote peer connected. */
    public static final long NOT_CONNECTED = -2;

    /** The receiver no longer accepts messages: the runtime is closing or closed, or the actor stopped. */
    public static final long CLOSED = -3;

    /** The message is longer than the ring's maximum message length; nothing was written. */
    public static final long MESSAGE_TOO_LARGE = -4;

    /**
     * A single-producer ring was offered to by a second thread; nothing was written. Declare the
     * receiver multi-producer if several threads send to it.
     */
    public static final long NOT_SINGLE_PRODUCER = -5;

    /**
     * The receiver accepts messages from one sender only (one end of an exclusive pair) and this is not it;
     * nothing was written.
     */
    public static final long REFUSED = -6;

    /** No member has the identity the message was addressed to; nothing was sent. */
    public static final long UNROUTABLE = -7;

    private SendResult()
    {
    }

    /**
     * @param result a value returned by a send.
     * @return true if the send succeeded.
     */
    public static boolean isSuccess(final long result)
    {
        return result >= 0;
    }

    /**
     * @param result a value returned by a send.
     * @return a short name of the result for logs and error messages (allocates nothing).
     */
    public static String describe(final long result)
    {
        if (result >= 0)
        {
            return "OK";
        }
        if (result == BACK_PRESSURED)
        {
            return "BACK_PRESSURED";
        }
        if (result == NOT_CONNECTED)
        {
            return "NOT_CONNECTED";
        }
        if (result == CLOSED)
        {
            return "CLOSED";
        }
        if (result == MESSAGE_TOO_LARGE)
        {
            return "MESSAGE_TOO_LARGE";
        }
        if (result == NOT_SINGLE_PRODUCER)
        {
            return "NOT_SINGLE_PRODUCER";
        }
        if (result == REFUSED)
        {
            return "REFUSED";
        }
        if (result == UNROUTABLE)
        {
            return "UNROUTABLE";
        }
        return "UNKNOWN";
    }
}
