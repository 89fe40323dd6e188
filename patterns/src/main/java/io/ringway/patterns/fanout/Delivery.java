package io.ringway.patterns.fanout;

import io.ringway.runtime.ring.ReadMode;

/**
 * How a fan-out subscriber keeps up with its publishers.
 */
public enum Delivery
{
    /**
     * The subscriber gates the publishers: it never loses a message, and while it is a whole ring behind every
     * publisher gets {@code BACK_PRESSURED}.
     */
    LOSSLESS(ReadMode.LOSSLESS),

    /**
     * The publishers never wait for the subscriber: when it falls a whole ring behind it is lapped, skips ahead,
     * and counts every message it missed ({@link Subscription#missed()} and the counters file).
     */
    LOSSY(ReadMode.LOSSY);

    private final ReadMode readMode;

    Delivery(final ReadMode readMode)
    {
        this.readMode = readMode;
    }

    ReadMode readMode()
    {
        return readMode;
    }
}
