package io.ringway.runtime.ring;

/**
 * How a reader of a {@link SharedRing} keeps up.
 */
public enum ReadMode
{
    /** The reader gates the producers: nothing is lost, and a slow reader back-pressures every producer. */
    LOSSLESS,
    /**
     * The reader never holds producers back: when it falls a whole ring behind it is lapped, skips ahead, and
     * counts exactly how many messages it missed.
     */
    LOSSY
}
