package io.ringway.perf.patterns;

/**
 * What the Pekko benchmarks send: an immutable message holding its own copy of the 64 bytes, as a Pekko user
 * sends a new message object per {@code tell}, and the sequence number that the receiver checks.
 */
final class PekkoMessage
{
    final long sequence;
    final byte[] body;

    /**
     * @param sequence the message's sequence number; negative for a probe.
     * @param source   the bytes to copy, {@link PatternSettings#MESSAGE_LENGTH} of them.
     */
    PekkoMessage(final long sequence, final byte[] source)
    {
        this.sequence = sequence;
        this.body = source.clone();
    }
}
