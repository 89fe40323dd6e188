package io.ringway.patterns;

/**
 * Message types that operators deliver to actors on their own account. Negative types are reserved for
 * operators; applications use types from 0 up.
 */
public final class PatternMessages
{
    /**
     * A request got no reply before its deadline, after every retry. The header's correlation id is the
     * request's; the body is empty.
     */
    public static final int TIMEOUT = -2;

    /**
     * A gather is complete. The header's correlation id is the gather's; the result is read from the gatherer
     * during the call.
     */
    public static final int GATHER_RESULT = -3;

    private PatternMessages()
    {
    }
}
