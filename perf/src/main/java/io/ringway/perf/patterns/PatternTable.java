package io.ringway.perf.patterns;

import io.ringway.perf.SuiteTable;

import java.io.PrintStream;
import java.util.Map;

/**
 * Prints the pattern suite's one table: per row and system, throughput or round-trip percentiles, each with its
 * ratio to Ringway, and allocation per operation when measured; then Ringway against its targets: at least 5x
 * Pekko's throughput and at most 0.2x its round-trip p50, at least 10x JeroMQ inproc's throughput.
 */
public final class PatternTable
{
    static final double PEKKO_THROUGHPUT_TARGET = 5.0;
    static final double PEKKO_P50_TARGET = 0.2;
    static final double JEROMQ_THROUGHPUT_TARGET = 10.0;

    private static final String ROW = "%-14s %-25s %8s %6s  %7s %6s  %7s %6s  %8s %6s";
    private static final String GC_COLUMN = "  %8s";

    private PatternTable()
    {
    }

    /**
     * @param out     where to print.
     * @param figures each row's figures, per system.
     * @param gc      whether allocation was measured.
     */
    public static void print(
        final PrintStream out, final Map<PatternRow, Map<PatternPeer, PatternFigures>> figures, final boolean gc)
    {
        out.println();
        out.println(PatternSettings.MESSAGE_LENGTH + "-byte messages; throughput with at most " + PatternSettings.WINDOW
            + " in flight, round trips with one; x = system / Ringway");
        out.printf(ROW + (gc ? GC_COLUMN : "") + "%n", "pattern", "system", "Mops/s", "x", "p50 us", "x",
            "p99 us", "x", "p99.9 us", "x", "B/op");
        for (final Map.Entry<PatternRow, Map<PatternPeer, PatternFigures>> row : figures.entrySet())
        {
            final PatternFigures ringway = row.getValue().get(PatternPeer.RINGWAY);
            for (final Map.Entry<PatternPeer, PatternFigures> entry : row.getValue().entrySet())
            {
                final PatternFigures peer = entry.getValue();
                out.printf(ROW, row.getKey().displayName(), entry.getKey().displayName(),
                    SuiteTable.number(peer.mopsPerSecond), SuiteTable.ratio(peer.mopsPerSecond, ringway.mopsPerSecond),
                    SuiteTable.number(peer.p50Us), SuiteTable.ratio(peer.p50Us, ringway.p50Us),
                    SuiteTable.number(peer.p99Us), SuiteTable.ratio(peer.p99Us, ringway.p99Us),
                    SuiteTable.number(peer.p999Us), SuiteTable.ratio(peer.p999Us, ringway.p999Us));
                if (gc)
                {
                    out.printf(GC_COLUMN, SuiteTable.number(peer.bytesPerOp));
                }
                out.println();
            }
        }
        printTargets(out, figures, gc);
    }

    private static void printTargets(
        final PrintStream out, final Map<PatternRow, Map<PatternPeer, PatternFigures>> figures, final boolean gc)
    {
        out.println();
        out.println("Ringway against its targets:");
        double worstBytesPerOp = Double.NaN;
        for (final Map.Entry<PatternRow, Map<PatternPeer, PatternFigures>> row : figures.entrySet())
        {
            final String name = row.getKey().displayName();
            final PatternFigures ringway = row.getValue().get(PatternPeer.RINGWAY);
            final PatternFigures pekko = row.getValue().get(PatternPeer.PEKKO);
            final PatternFigures jeromq = row.getValue().get(PatternPeer.JEROMQ);
            if (row.getKey().throughput())
            {
                final double overPekko = ringway.mopsPerSecond / pekko.mopsPerSecond;
                final double overJeroMq = ringway.mopsPerSecond / jeromq.mopsPerSecond;
                SuiteTable.target(out, name + ": Ringway/Pekko Mops/s", overPekko,
                    ">= " + PEKKO_THROUGHPUT_TARGET, overPekko >= PEKKO_THROUGHPUT_TARGET);
                SuiteTable.target(out, name + ": Ringway/JeroMQ Mops/s", overJeroMq,
                    ">= " + JEROMQ_THROUGHPUT_TARGET, overJeroMq >= JEROMQ_THROUGHPUT_TARGET);
            }
            else
            {
                final double p50OverPekko = ringway.p50Us / pekko.p50Us;
                SuiteTable.target(out, name + ": Ringway/Pekko p50", p50OverPekko,
                    "<= " + PEKKO_P50_TARGET, p50OverPekko <= PEKKO_P50_TARGET);
            }
            worstBytesPerOp = Double.isNaN(worstBytesPerOp)
                ? ringway.bytesPerOp : Math.max(worstBytesPerOp, ringway.bytesPerOp);
        }
        if (gc)
        {
            SuiteTable.target(out, "allocation, B/op (worst Ringway row)", worstBytesPerOp,
                "~0 (< " + SuiteTable.ZERO_ALLOCATION_BYTES + ")", worstBytesPerOp < SuiteTable.ZERO_ALLOCATION_BYTES);
        }
    }
}
