package io.ringway.transport.faults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The latency of a surviving peer's traffic across a fault, which the issue asks to stay as it was: for each of its
 * messages, from the parent's send to the parent seeing it handled (the peer's line for it read back here, or its
 * reply received), split by when the message was sent: before the kill, between the kill and the successor's
 * handshake ("during"), and after. The line's trip back through the child's stdout is in every phase alike.
 * <p>
 * Also the longest gap between two messages handled by the survivor while the sender ran: the bound the tests
 * assert, generous enough for a loaded two-core machine, but one a survivor stalled behind its dead sibling (a
 * publisher blocked on the dead subscriber's full pipe, say) would break.
 */
final class SurvivorLatency
{
    private final String name;
    private final long[][] phases = new long[3][];
    private final long longestGapNs;

    /**
     * @param name        the survivor, for the report.
     * @param indexes     the numbers of the messages it handled, in the order it handled them.
     * @param handledNs   when each was seen handled, by {@link System#nanoTime()} in this JVM.
     * @param sentNs      when each number was sent, indexed by number.
     * @param killedAt    the first number sent after the kill.
     * @param restartedAt the first number sent after the successor's handshake.
     */
    SurvivorLatency(
        final String name,
        final List<Integer> indexes,
        final List<Long> handledNs,
        final long[] sentNs,
        final int killedAt,
        final int restartedAt)
    {
        this.name = name;
        final List<List<Long>> byPhase = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long longestGapNs = 0;
        for (int i = 0; i < indexes.size(); i++)
        {
            final int index = indexes.get(i);
            final int phase = index < killedAt ? 0 : index < restartedAt ? 1 : 2;
            byPhase.get(phase).add(handledNs.get(i) - sentNs[index]);
            if (i > 0)
            {
                longestGapNs = Math.max(longestGapNs, handledNs.get(i) - handledNs.get(i - 1));
            }
        }
        for (int phase = 0; phase < 3; phase++)
        {
            phases[phase] = byPhase.get(phase).stream().mapToLong(Long::longValue).sorted().toArray();
        }
        this.longestGapNs = longestGapNs;
    }

    /** @return the longest time between two messages the survivor handled, in ms. */
    long longestGapMs()
    {
        return TimeUnit.NANOSECONDS.toMillis(longestGapNs);
    }

    /** @return one line: count, p50 and p99 per phase, and the longest gap. */
    String report()
    {
        return String.format("%s latency (sent -> handled): before the kill %s; during %s; after %s; "
            + "longest gap between two handled %d ms", name, phase(phases[0]), phase(phases[1]), phase(phases[2]),
            longestGapMs());
    }

    private static String phase(final long[] sorted)
    {
        if (sorted.length == 0)
        {
            return "none";
        }
        return String.format("%d msgs p50 %s p99 %s", sorted.length, micros(percentile(sorted, 0.50)),
            micros(percentile(sorted, 0.99)));
    }

    /** @return the smallest value with at least the given share of values at or below it. */
    static long percentile(final long[] sorted, final double share)
    {
        final int rank = (int)Math.ceil(share * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String micros(final long ns)
    {
        return String.format("%,d us", TimeUnit.NANOSECONDS.toMicros(ns));
    }

    @Override
    public String toString()
    {
        return report() + " " + Arrays.toString(new int[] { phases[0].length, phases[1].length, phases[2].length });
    }
}
