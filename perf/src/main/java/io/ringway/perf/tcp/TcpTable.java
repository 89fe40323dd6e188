package io.ringway.perf.tcp;

import io.ringway.perf.SuiteTable;
import io.ringway.perf.patterns.PatternFigures;

import java.io.PrintStream;
import java.util.Map;

/**
 * Prints the tcp suite's one table: per row and system, throughput or round-trip percentiles, each with Ringway's
 * ratio to raw JeroMQ, and allocation per operation when measured; then Ringway against its targets: at least
 * 0.9x raw JeroMQ's throughput and at most 1.1x its round-trip p50.
 */
public final class TcpTable
{
    static final double THROUGHPUT_TARGET = 0.9;
    static final double P50_TARGET = 1.1;

    private static final String ROW = "%-16s %-23s %8s %6s  %7s %6s  %7s %6s  %8s %6s";
    private static final String GC_COLUMN = "  %8s";

    private TcpTable()
    {
    }

    /**
     * @param out     where to print.
     * @param figures each row's figures, per system.
     * @param gc      whether allocation was measured.
     */
    public static void print(
        final PrintStream out, final Map<TcpRow, Map<TcpPeer, PatternFigures>> figures, final boolean gc)
    {
        out.println();
        out.println("tcp://127.0.0.1, peers in one JVM, high-water mark " + TcpSettings.HIGH_WATER_MARK
            + "; round trips with one request in flight; x = Ringway / JeroMQ");
        out.printf(ROW + (gc ? GC_COLUMN : "") + "%n", "row", "system", "Mops/s", "x", "p50 us", "x",
            "p99 us", "x", "p99.9 us", "x", "B/op");
        for (final Map.Entry<TcpRow, Map<TcpPeer, PatternFigures>> row : figures.entrySet())
        {
            final PatternFigures jeromq = row.getValue().get(TcpPeer.JEROMQ);
            for (final Map.Entry<TcpPeer, PatternFigures> entry : row.getValue().entrySet())
            {
                final PatternFigures peer = entry.getValue();
                out.printf(ROW, row.getKey().displayName(), entry.getKey().displayName(),
                    SuiteTable.number(peer.mopsPerSecond), SuiteTable.ratio(peer.mopsPerSecond, jeromq.mopsPerSecond),
                    SuiteTable.number(peer.p50Us), SuiteTable.ratio(peer.p50Us, jeromq.p50Us),
                    SuiteTable.number(peer.p99Us), SuiteTable.ratio(peer.p99Us, jeromq.p99Us),
                    SuiteTable.number(peer.p999Us), SuiteTable.ratio(peer.p999Us, jeromq.p999Us));
                if (gc)
                {
                    out.printf(GC_COLUMN, SuiteTable.number(peer.bytesPerOp));
                }
                out.println();
            }
        }
        out.println();
        out.println("Ringway against its targets:");
        for (final Map.Entry<TcpRow, Map<TcpPeer, PatternFigures>> row : figures.entrySet())
        {
            final String name = row.getKey().displayName();
            final PatternFigures ringway = row.getValue().get(TcpPeer.RINGWAY);
            final PatternFigures jeromq = row.getValue().get(TcpPeer.JEROMQ);
            if (row.getKey().throughput())
            {
                final double ratio = ringway.mopsPerSecond / jeromq.mopsPerSecond;
                SuiteTable.target(out, name + ": Ringway/JeroMQ Mops/s", ratio, ">= " + THROUGHPUT_TARGET,
                    ratio >= THROUGHPUT_TARGET);
            }
            else
            {
                final double ratio = ringway.p50Us / jeromq.p50Us;
                SuiteTable.target(out, name + ": Ringway/JeroMQ p50", ratio, "<= " + P50_TARGET,
                    ratio <= P50_TARGET);
            }
        }
    }
}
