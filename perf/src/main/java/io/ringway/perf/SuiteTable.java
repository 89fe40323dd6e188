package io.ringway.perf;

import java.io.PrintStream;
import java.util.Map;

/**
 * Prints the core suite's one table: per system, one-hop throughput and ping-pong percentiles, each with its
 * ratio to Ringway, and allocation per operation when measured; then Ringway against its targets. Its cell and
 * target formats are shared with the pattern suite's table.
 */
public final class SuiteTable
{
    /** Below this, allocation per operation is JMH's own background: a per-message object would be >= 16 B. */
    public static final double ZERO_ALLOCATION_BYTES = 0.5;

    private static final String ROW = "%-27s %8s %6s  %7s %6s  %7s %6s  %8s %6s";
    private static final String GC_COLUMNS = "  %8s %9s";

    private SuiteTable()
    {
    }

    /**
     * @param out     where to print.
     * @param figures each system's figures.
     * @param gc      whether allocation was measured.
     */
    static void print(final PrintStream out, final Map<Peer, PeerFigures> figures, final boolean gc)
    {
        final PeerFigures ringway = figures.get(Peer.RINGWAY);
        out.println();
        out.println("64-byte messages; one-hop rings hold 65536, ping-pong rings 1024; x = system / Ringway");
        out.printf(ROW + (gc ? GC_COLUMNS : "") + "%n", "", "hop", "", "p50", "", "p99", "", "p99.9", "",
            "hop", "ping-pong");
        out.printf(ROW + (gc ? GC_COLUMNS : "") + "%n", "system", "Mops/s", "x", "us", "x", "us", "x", "us", "x",
            "B/op", "B/op");
        for (final Map.Entry<Peer, PeerFigures> entry : figures.entrySet())
        {
            final PeerFigures peer = entry.getValue();
            out.printf(ROW, entry.getKey().displayName,
                number(peer.hopMopsPerSecond), ratio(peer.hopMopsPerSecond, ringway.hopMopsPerSecond),
                number(peer.p50Us), ratio(peer.p50Us, ringway.p50Us),
                number(peer.p99Us), ratio(peer.p99Us, ringway.p99Us),
                number(peer.p999Us), ratio(peer.p999Us, ringway.p999Us));
            if (gc)
            {
                out.printf(GC_COLUMNS, number(peer.hopBytesPerOp), number(peer.pingPongBytesPerOp));
            }
            out.println();
        }
        printTargets(out, figures, gc);
    }

    private static void printTargets(final PrintStream out, final Map<Peer, PeerFigures> figures, final boolean gc)
    {
        final PeerFigures ringway = figures.get(Peer.RINGWAY);
        final PeerFigures disruptor = figures.get(Peer.DISRUPTOR);
        final PeerFigures queue = figures.get(Peer.BLOCKING_QUEUE);
        out.println();
        out.println("Ringway against its targets:");
        target(out, "hop throughput / raw Disruptor", ringway.hopMopsPerSecond / disruptor.hopMopsPerSecond,
            ">= 0.80", ringway.hopMopsPerSecond >= 0.8 * disruptor.hopMopsPerSecond);
        target(out, "hop throughput / ArrayBlockingQueue", ringway.hopMopsPerSecond / queue.hopMopsPerSecond,
            "> 1.00", ringway.hopMopsPerSecond > queue.hopMopsPerSecond);
        target(out, "ping-pong p50 / raw Disruptor", ringway.p50Us / disruptor.p50Us,
            "<= 1.25", ringway.p50Us <= 1.25 * disruptor.p50Us);
        target(out, "ping-pong p99 / raw Disruptor", ringway.p99Us / disruptor.p99Us,
            "<= 1.25", ringway.p99Us <= 1.25 * disruptor.p99Us);
        if (gc)
        {
            final double worst = Math.max(ringway.hopBytesPerOp, ringway.pingPongBytesPerOp);
            target(out, "allocation, B/op (worst path)", worst, "~0 (< " + ZERO_ALLOCATION_BYTES + ")",
                worst < ZERO_ALLOCATION_BYTES);
        }
    }

    /**
     * Prints one target line.
     *
     * @param out   where to print.
     * @param what  the measured ratio or figure.
     * @param value its value; {@code NaN} if not measured.
     * @param goal  the target, as text.
     * @param met   whether the target is met.
     */
    public static void target(
        final PrintStream out, final String what, final double value, final String goal, final boolean met)
    {
        out.printf("  %-38s %8.2f  target %-12s %s%n", what, value, goal,
            Double.isNaN(value) ? "not measured" : (met ? "met" : "MISSED"));
    }

    /**
     * @param value a figure.
     * @return it with 3 significant digits or so, or "-" for {@code NaN}.
     */
    public static String number(final double value)
    {
        if (Double.isNaN(value))
        {
            return "-";
        }
        return String.format(value < 10 ? "%.3f" : value < 100 ? "%.2f" : "%.1f", value);
    }

    /**
     * @param value   a system's figure.
     * @param ringway Ringway's figure.
     * @return their ratio with 2 decimals, or "-" if either is {@code NaN}.
     */
    public static String ratio(final double value, final double ringway)
    {
        return Double.isNaN(value) || Double.isNaN(ringway) ? "-" : String.format("%.2f", value / ringway);
    }
}
