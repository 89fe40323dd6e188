package io.ringway.patterns.support;

/**
 * A fixed number of pending operations (requests awaiting a reply, gathers awaiting their members), each
 * under a correlation id that finds its slot in O(1), kept in deadline order so that the earliest deadline is
 * always at hand. Everything is allocated by the constructor; adding, finding, rescheduling and removing
 * allocate nothing.
 * <pre>
 *   correlation id:  | sequence (grows by one per add)  | slot index (indexBits) |
 *
 *   slots:   [0]  [1]  [2]  [3]      deadline order: head -> [2] -> [0] -> [3] <- tail
 *            id   id   id   free     (a doubly linked list through the slots)
 * </pre>
 * The sequence in the high bits means an id is never reused, so a reply that comes back after its slot was
 * freed and reused does not match the new occupant. Deadlines are compared as {@code deadlineNs - nowNs < 0},
 * so the clock may wrap.
 * <p>
 * Operators with a fixed timeout add in deadline order on a monotonic clock, which makes {@link #add} and
 * {@link #reschedule} O(1); an out-of-order deadline is still placed correctly, by a walk back from the tail.
 * <p>
 * A building block shared by the correlate-reply and gather operators. Not thread safe: one thread, the
 * owning actor's dispatcher.
 */
public final class PendingTable
{
    /** No slot: the table is full, the id is unknown, or no deadline has passed. */
    public static final int NONE = -1;

    private final int capacity;
    private final int indexBits;
    private final long indexMask;
    private final long[] ids;
    private final long[] deadlinesNs;
    private final int[] next;
    private final int[] previous;
    private final int[] freeIndices;
    private int freeCount;
    private int head = NONE;
    private int tail = NONE;
    private long sequence;

    /**
     * Most operations one table keeps pending: 28 bytes each, allocated up front, so a table this size takes
     * 28 MiB. Operators refuse a larger max in flight when the topology is built.
     */
    public static final int MAX_CAPACITY = 1 << 20;

    /**
     * @param capacity most operations pending at once, at least 1.
     */
    public PendingTable(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.indexBits = 32 - Integer.numberOfLeadingZeros(capacity - 1);
        this.indexMask = (1L << indexBits) - 1;
        this.ids = new long[capacity];
        this.deadlinesNs = new long[capacity];
        this.next = new int[capacity];
        this.previous = new int[capacity];
        this.freeIndices = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeIndices[i] = capacity - 1 - i;
        }
        this.freeCount = capacity;
    }

    /**
     * Takes a free slot and gives it a new correlation id and a deadline.
     *
     * @param deadlineNs when the operation expires.
     * @return the slot's index, or {@link #NONE} when every slot is taken.
     */
    public int add(final long deadlineNs)
    {
        if (0 == freeCount)
        {
            return NONE;
        }
        final int index = freeIndices[--freeCount];
        ids[index] = (++sequence << indexBits) | index;
        link(index, deadlineNs);
        return index;
    }

    /**
     * @param index a slot in use.
     * @return its correlation id, always greater than 0.
     */
    public long id(final int index)
    {
        return ids[index];
    }

    /**
     * @param id a correlation id, e.g. from a reply's header.
     * @return the slot pending under that id, or {@link #NONE} if none is: never issued, already removed, or
     * not an id of this table at all.
     */
    public int indexOf(final long id)
    {
        if (id <= 0)
        {
            return NONE;
        }
        final int index = (int)(id & indexMask);
        return index < capacity && ids[index] == id ? index : NONE;
    }

    /**
     * @param nowNs the current time.
     * @return the slot with the earliest deadline if that deadline has passed, else {@link #NONE}.
     */
    public int expired(final long nowNs)
    {
        final int index = head;
        return NONE != index && deadlinesNs[index] - nowNs < 0 ? index : NONE;
    }

    /**
     * @param index a slot in use.
     * @return its deadline.
     */
    public long deadlineNs(final int index)
    {
        return deadlinesNs[index];
    }

    /**
     * Gives a slot in use a new deadline, keeping its id.
     *
     * @param index      a slot in use.
     * @param deadlineNs its new deadline.
     */
    public void reschedule(final int index, final long deadlineNs)
    {
        unlink(index);
        link(index, deadlineNs);
    }

    /**
     * Frees a slot: its id no longer matches.
     *
     * @param index a slot in use.
     */
    public void remove(final int index)
    {
        unlink(index);
        ids[index] = 0;
        freeIndices[freeCount++] = index;
    }

    /** @return the number of slots in use. */
    public int size()
    {
        return capacity - freeCount;
    }

    /** @return the number of slots. */
    public int capacity()
    {
        return capacity;
    }

    private void link(final int index, final long deadlineNs)
    {
        deadlinesNs[index] = deadlineNs;
        int before = tail;
        while (NONE != before && deadlinesNs[before] - deadlineNs > 0)
        {
            before = previous[before];
        }
        final int after = NONE == before ? head : next[before];
        previous[index] = before;
        next[index] = after;
        if (NONE == before)
        {
            head = index;
        }
        else
        {
            next[before] = index;
        }
        if (NONE == after)
        {
            tail = index;
        }
        else
        {
            previous[after] = index;
        }
    }

    private void unlink(final int index)
    {
        final int before = previous[index];
        final int after = next[index];
        if (NONE == before)
        {
            head = after;
        }
        else
        {
            next[before] = after;
        }
        if (NONE == after)
        {
            tail = before;
        }
        else
        {
            previous[after] = before;
        }
    }
}
