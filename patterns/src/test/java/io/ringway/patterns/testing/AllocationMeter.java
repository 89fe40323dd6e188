package io.ringway.patterns.testing;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Measures what the test's own thread allocates while it drives a caller-run dispatcher: with requester, members
 * and dispatcher on that one thread, the thread's allocated-bytes counter sees everything the path allocates.
 * <p>
 * The counter is noisy in two known ways, and each method below says how it deals with them: reading it
 * allocates (the bean's own objects on the first read, a few bytes on later ones in JDK 17), and a one-off JIT
 * event (a class loaded, a method deoptimised and recompiled) may allocate a few hundred bytes once. An
 * allocation per message, in contrast, shows every time.
 */
public final class AllocationMeter
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private AllocationMeter()
    {
    }

    /** @return the bytes this thread has allocated since it started. */
    public static long allocatedBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * Runs the work once and returns what it allocated, less what reading the counter costs, so that the caller
     * can divide by its operation count: any object allocated per operation shows as at least 16 bytes each.
     *
     * @param work the steady-state work, warmed up beforehand by the caller.
     * @return the bytes the work allocated on this thread.
     */
    public static long bytesAllocatedBy(final Runnable work)
    {
        final long cost = readingCost();
        final long before = allocatedBytes();
        work.run();
        return allocatedBytes() - before - cost;
    }

    /**
     * Runs rounds of the work until one allocates nothing, at most {@code maxRounds} of them. A one-off JIT
     * event spoils one round at most; an allocation per message spoils every round, so one clean round proves
     * the path allocates nothing.
     *
     * @param maxRounds how many rounds to try.
     * @param round     one round of steady-state work, warmed up beforehand by the caller.
     * @return what each round run allocated.
     */
    public static Rounds untilACleanRound(final int maxRounds, final Runnable round)
    {
        // The first reading of the counter allocates the bean's own objects: read it once before measuring.
        allocatedBytes();
        final long[] allocated = new long[maxRounds];
        int count = 0;
        do
        {
            final long before = allocatedBytes();
            round.run();
            allocated[count] = allocatedBytes() - before;
            count++;
        }
        while (count < maxRounds && allocated[count - 1] != 0);
        return new Rounds(Arrays.copyOf(allocated, count));
    }

    /** @return the fewest bytes that reading the counter twice allocated, over a few tries. */
    private static long readingCost()
    {
        long cost = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++)
        {
            final long before = allocatedBytes();
            cost = Math.min(cost, allocatedBytes() - before);
        }
        return cost;
    }

    /**
     * What {@link #untilACleanRound(int, Runnable)} measured.
     *
     * @param allocatedPerRound the bytes each round run allocated, in order.
     */
    public record Rounds(long[] allocatedPerRound)
    {
        /** @return how many rounds ran. */
        public int count()
        {
            return allocatedPerRound.length;
        }

        /** @return the bytes allocated by the last round run: zero when a clean round ended the run. */
        public long last()
        {
            return allocatedPerRound[allocatedPerRound.length - 1];
        }

        @Override
        public String toString()
        {
            return Arrays.toString(allocatedPerRound);
        }
    }
}
