package io.ringway.patterns.router;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The remote dealers a router knows: each one's ZeroMQ routing id under an int identity. A remote dealer becomes
 * known with its first message and unknown when it leaves; its identity then never names anyone again, even if a
 * dealer with the same routing id comes back (it gets a new one, as a ZeroMQ ROUTER application would see it).
 * <p>
 * An identity is {@code base + slot + capacity * generation}: the slot finds the entry, the generation tells a
 * stale identity from the slot's current one. Lookup by routing id is a scan of the slots, comparing lengths
 * first: capacity is small (tens), and it allocates nothing.
 * <p>
 * Thread safety: the router actor's dispatcher thread only. Allocates only when a dealer becomes known.
 */
final class RemoteDealerTable
{
    private final int base;
    private final int capacity;
    private final int generations;
    private final byte[][] routingIds;
    private final int[] generation;
    private int count;

    /**
     * @param base     the first identity: the number of local dealers.
     * @param capacity most remote dealers known at once.
     */
    RemoteDealerTable(final int base, final int capacity)
    {
        this.base = base;
        this.capacity = capacity;
        this.generations = Math.max(1, (Integer.MAX_VALUE - base) / capacity);
        this.routingIds = new byte[capacity][];
        this.generation = new int[capacity];
    }

    /**
     * @param buffer holding a routing id.
     * @param offset of it.
     * @param length of it.
     * @return the identity of the dealer with that routing id, or {@link Router#NO_IDENTITY} if none is known.
     */
    int find(final DirectBuffer buffer, final int offset, final int length)
    {
        final int slot = slotOf(buffer, offset, length);
        return slot < 0 ? Router.NO_IDENTITY : identity(slot);
    }

    /**
     * @return the identity of the dealer with that routing id, known from now on; {@link Router#NO_IDENTITY} if
     * the table is full.
     */
    int findOrAdd(final DirectBuffer buffer, final int offset, final int length)
    {
        final int slot = slotOf(buffer, offset, length);
        if (slot >= 0)
        {
            return identity(slot);
        }
        for (int i = 0; i < capacity; i++)
        {
            if (null == routingIds[i])
            {
                final byte[] routingId = new byte[length];
                buffer.getBytes(offset, routingId);
                routingIds[i] = routingId;
                count++;
                return identity(i);
            }
        }
        return Router.NO_IDENTITY;
    }

    /**
     * Forgets the dealer with that routing id: its identity is unknown from now on.
     *
     * @return true if it was known.
     */
    boolean remove(final DirectBuffer buffer, final int offset, final int length)
    {
        final int slot = slotOf(buffer, offset, length);
        if (slot < 0)
        {
            return false;
        }
        routingIds[slot] = null;
        generation[slot] = (generation[slot] + 1) % generations;
        count--;
        return true;
    }

    /**
     * @param identity any identity.
     * @return the routing id of the known dealer with that identity, or null.
     */
    byte[] routingId(final int identity)
    {
        final int relative = identity - base;
        if (relative < 0)
        {
            return null;
        }
        final int slot = relative % capacity;
        return relative / capacity == generation[slot] ? routingIds[slot] : null;
    }

    /** @return remote dealers known now. */
    int count()
    {
        return count;
    }

    /** @return the identity for a routing id, or {@link Router#NO_IDENTITY}; control plane (allocates). */
    int find(final String routingId)
    {
        final byte[] bytes = routingId.getBytes(StandardCharsets.UTF_8);
        return find(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private int identity(final int slot)
    {
        return base + slot + capacity * generation[slot];
    }

    private int slotOf(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < capacity; i++)
        {
            final byte[] routingId = routingIds[i];
            if (null != routingId && routingId.length == length && equal(routingId, buffer, offset))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean equal(final byte[] routingId, final DirectBuffer buffer, final int offset)
    {
        for (int i = 0; i < routingId.length; i++)
        {
            if (routingId[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }
}
