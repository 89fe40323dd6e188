package io.ringway.transport.zmq;

import zmq.Msg;

/**
 * Where each request a replying link has let in came from: the peer's routing identity and the envelope frames
 * before the empty delimiter (RFC 28), under a token that travels to the replier as the request's correlation id
 * and comes back on its reply. Sized once; a token names its slot and a sequence, so a reply that comes after its
 * route was freed (or reused) finds nothing.
 * <p>
 * A route whose reply never comes would hold its slot for ever: when the table is full, routes older than
 * {@link #ROUTE_TTL_NS} are given up, and counted by the caller as dropped.
 * <p>
 * Thread safety: the link's thread only. Holds JeroMQ's frames by reference; allocates nothing after construction.
 */
final class RouteTable
{
    /** A slot index meaning "none". */
    static final int NONE = -1;
    /** How long a route waits for its reply before a full table gives it up. */
    static final long ROUTE_TTL_NS = 30_000_000_000L;
    /** Most envelope frames kept per request; a deeper stack of proxies is refused. */
    static final int MAX_ENVELOPE = 8;

    private final int mask;
    private final int shift;
    private final long[] tokens;
    private final long[] createdNs;
    private final Msg[] identities;
    private final Msg[][] envelopes;
    private final int[] envelopeLengths;
    private final boolean[] delimited;
    private final int[] free;
    private int freeCount;
    private long sequence;

    /** @param capacity most requests in flight at once; rounded up to a power of two. */
    RouteTable(final int capacity)
    {
        final int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        this.mask = size - 1;
        this.shift = Integer.numberOfTrailingZeros(size);
        this.tokens = new long[size];
        this.createdNs = new long[size];
        this.identities = new Msg[size];
        this.envelopes = new Msg[size][MAX_ENVELOPE];
        this.envelopeLengths = new int[size];
        this.delimited = new boolean[size];
        this.free = new int[size];
        for (int i = 0; i < size; i++)
        {
            free[i] = size - 1 - i;
        }
        this.freeCount = size;
    }

    /**
     * @param nowNs the clock, to date the route.
     * @return a free slot, or {@link #NONE} when every slot holds a route younger than its time to live.
     */
    int acquire(final long nowNs)
    {
        if (0 == freeCount)
        {
            return NONE;
        }
        final int index = free[--freeCount];
        tokens[index] = (++sequence << shift) | index;
        createdNs[index] = nowNs;
        return index;
    }

    /**
     * Frees the routes older than their time to live.
     *
     * @param nowNs the clock.
     * @return routes given up.
     */
    int expire(final long nowNs)
    {
        int expired = 0;
        for (int i = 0; i < tokens.length; i++)
        {
            if (0 != tokens[i] && nowNs - createdNs[i] > ROUTE_TTL_NS)
            {
                release(i);
                expired++;
            }
        }
        return expired;
    }

    void set(final int index, final Msg identity, final Msg[] envelope, final int envelopeLength, final boolean delimiter)
    {
        identities[index] = identity;
        System.arraycopy(envelope, 0, envelopes[index], 0, envelopeLength);
        envelopeLengths[index] = envelopeLength;
        delimited[index] = delimiter;
    }

    /**
     * @param token as carried by a reply.
     * @return its slot, or {@link #NONE} if its route is gone.
     */
    int indexOf(final long token)
    {
        final int index = (int)(token & mask);
        return token > 0 && tokens[index] == token ? index : NONE;
    }

    long token(final int index)
    {
        return tokens[index];
    }

    Msg identity(final int index)
    {
        return identities[index];
    }

    Msg envelope(final int index, final int frame)
    {
        return envelopes[index][frame];
    }

    int envelopeLength(final int index)
    {
        return envelopeLengths[index];
    }

    boolean delimited(final int index)
    {
        return delimited[index];
    }

    void release(final int index)
    {
        tokens[index] = 0;
        identities[index] = null;
        final Msg[] envelope = envelopes[index];
        for (int i = 0; i < envelopeLengths[index]; i++)
        {
            envelope[i] = null;
        }
        envelopeLengths[index] = 0;
        free[freeCount++] = index;
    }
}
