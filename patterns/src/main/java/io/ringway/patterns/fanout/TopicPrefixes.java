package io.ringway.patterns.fanout;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A subscriber's topic prefixes: a multiset of byte strings in storage sized up front, and the match that
 * ZeroMQ's SUB socket makes, a topic matching when it starts with any prefix (the empty prefix matches every
 * topic). Subscribing to a prefix twice needs two unsubscribes to remove it.
 * <pre>
 *   prefixes: maxPrefixes entries of maxPrefixLength bytes     lengths[i]  counts[i]
 *   +-----------+-----------+-----------+-----+
 *   | E U R     | G B P     | (empty)   | ... |                3, 3, 0     1, 2, 1
 *   +-----------+-----------+-----------+-----+
 *   entries [0, size) are in use; removing one moves the last entry into its place.
 * </pre>
 * Not thread safe: the subscriber's dispatcher thread only.
 */
final class TopicPrefixes
{
    private final int maxPrefixes;
    private final int maxPrefixLength;
    private final UnsafeBuffer prefixes;
    private final int[] lengths;
    private final int[] counts;
    private int size;

    /**
     * @param maxPrefixes     most distinct prefixes held at once.
     * @param maxPrefixLength longest prefix, in bytes.
     */
    TopicPrefixes(final int maxPrefixes, final int maxPrefixLength)
    {
        this.maxPrefixes = maxPrefixes;
        this.maxPrefixLength = maxPrefixLength;
        this.prefixes = new UnsafeBuffer(new byte[maxPrefixes * maxPrefixLength]);
        this.lengths = new int[maxPrefixes];
        this.counts = new int[maxPrefixes];
    }

    /**
     * @param prefix holding the prefix.
     * @param offset of the prefix.
     * @param length of the prefix.
     * @return how many times the prefix is now subscribed, or {@link Subscription#PREFIX_TOO_LONG} or
     * {@link Subscription#TOO_MANY_PREFIXES}.
     */
    int add(final DirectBuffer prefix, final int offset, final int length)
    {
        if (length > maxPrefixLength)
        {
            return Subscription.PREFIX_TOO_LONG;
        }
        final int existing = indexOf(prefix, offset, length);
        if (existing >= 0)
        {
            return ++counts[existing];
        }
        if (size == maxPrefixes)
        {
            return Subscription.TOO_MANY_PREFIXES;
        }
        final int index = size++;
        prefixes.putBytes(index * maxPrefixLength, prefix, offset, length);
        lengths[index] = length;
        counts[index] = 1;
        return 1;
    }

    /**
     * @param prefix holding the prefix.
     * @param offset of the prefix.
     * @param length of the prefix.
     * @return how many times the prefix is still subscribed, or {@link Subscription#NOT_SUBSCRIBED}.
     */
    int remove(final DirectBuffer prefix, final int offset, final int length)
    {
        final int index = indexOf(prefix, offset, length);
        if (index < 0)
        {
            return Subscription.NOT_SUBSCRIBED;
        }
        final int remaining = --counts[index];
        if (0 == remaining)
        {
            final int last = --size;
            if (index != last)
            {
                prefixes.putBytes(index * maxPrefixLength, prefixes, last * maxPrefixLength, lengths[last]);
                lengths[index] = lengths[last];
                counts[index] = counts[last];
            }
        }
        return remaining;
    }

    /**
     * @param topic  holding the topic.
     * @param offset of the topic.
     * @param length of the topic.
     * @return true if the topic starts with any of the prefixes.
     */
    boolean matches(final DirectBuffer topic, final int offset, final int length)
    {
        final int[] lengths = this.lengths;
        for (int i = 0, size = this.size; i < size; i++)
        {
            final int prefixLength = lengths[i];
            if (prefixLength <= length && equal(prefixes, i * maxPrefixLength, topic, offset, prefixLength))
            {
                return true;
            }
        }
        return false;
    }

    /** @return the number of distinct prefixes held. */
    int size()
    {
        return size;
    }

    private int indexOf(final DirectBuffer prefix, final int offset, final int length)
    {
        for (int i = 0; i < size; i++)
        {
            if (lengths[i] == length && equal(prefixes, i * maxPrefixLength, prefix, offset, length))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean equal(
        final DirectBuffer a, final int aOffset, final DirectBuffer b, final int bOffset, final int length)
    {
        int i = 0;
        for (final int longs = length & ~7; i < longs; i += 8)
        {
            if (a.getLong(aOffset + i) != b.getLong(bOffset + i))
            {
                return false;
            }
        }
        for (; i < length; i++)
        {
            if (a.getByte(aOffset + i) != b.getByte(bOffset + i))
            {
                return false;
            }
        }
        return true;
    }
}
