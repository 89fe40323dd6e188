package io.ringway.perf.tcp;

import io.ringway.perf.patterns.PatternFigures;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's table is filled by class name and length: every benchmark the suite runs must land in exactly one
 * cell, every cell must have a benchmark, and the targets must be judged Ringway over JeroMQ.
 */
class TcpSuiteTest
{
    private static Set<BenchmarkListEntry> benchmarks(final String include)
    {
        return BenchmarkList.defaultList().find(
            OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT),
            List.of(include), List.of());
    }

    private static String simpleName(final BenchmarkListEntry benchmark)
    {
        final String qualifiedName = benchmark.getUserClassQName();
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    @Test
    void shouldMapEveryBenchmarkOfTheSuiteToOneCellAndFillEveryCell()
    {
        final Set<BenchmarkListEntry> benchmarks = benchmarks(TcpSuite.INCLUDE);
        final List<String> cells = new ArrayList<>();
        for (final BenchmarkListEntry benchmark : benchmarks)
        {
            final String className = simpleName(benchmark);
            final TcpPeer peer = TcpPeer.ofClass(className);
            assertNotNull(peer, () -> className + " has no peer prefix");
            for (final String length : benchmark.getParams().get().get(TcpSettings.LENGTH_PARAM))
            {
                final TcpRow row = TcpRow.of(className, length);
                assertNotNull(row, () -> className + " with length=" + length + " fills no row");
                cells.add(row + "/" + peer);
            }
        }

        final List<String> expected = new ArrayList<>();
        for (final TcpRow row : TcpRow.values())
        {
            for (final TcpPeer peer : TcpPeer.values())
            {
                expected.add(row + "/" + peer);
            }
        }
        cells.sort(null);
        expected.sort(null);
        assertEquals(expected, cells, "cells filled by " + Arrays.toString(benchmarks.toArray()));
    }

    @Test
    void shouldRunEachRowAsOneBenchmarkPerPeer()
    {
        for (final TcpRow row : TcpRow.values())
        {
            final List<TcpPeer> peers = new ArrayList<>();
            for (final BenchmarkListEntry benchmark : benchmarks(TcpSuite.include(row)))
            {
                final String className = simpleName(benchmark);
                assertTrue(className.endsWith(row.shape()), className + " selected for " + row);
                peers.add(TcpPeer.ofClass(className));
            }
            peers.sort(null);
            assertEquals(List.of(TcpPeer.values()), peers, row + " runs one benchmark per peer");
        }
    }

    @Test
    void shouldNotMatchARowWithoutItsLength()
    {
        assertEquals(TcpRow.PUSH_PULL_1K, TcpRow.of("RingwayTcpPushPull", "1024"));
        assertEquals(TcpRow.REQUEST_REPLY_64, TcpRow.of("JeroMqTcpRequestReply", "64"));
        assertNull(TcpRow.of("RingwayTcpPushPull", "128"));
        assertNull(TcpRow.of("PekkoRequestReply", "64"));
    }

    @Test
    void shouldJudgeTheTargetsAsRingwayOverJeroMq()
    {
        final Map<TcpRow, Map<TcpPeer, PatternFigures>> figures = new EnumMap<>(TcpRow.class);
        for (final TcpRow row : TcpRow.values())
        {
            final Map<TcpPeer, PatternFigures> peers = new EnumMap<>(TcpPeer.class);
            final PatternFigures jeromq = new PatternFigures();
            final PatternFigures ringway = new PatternFigures();
            jeromq.mopsPerSecond = 1.0;
            ringway.mopsPerSecond = row == TcpRow.PUSH_PULL_64 ? 0.95 : 0.5; // met, then missed
            jeromq.p50Us = 20.0;
            ringway.p50Us = row == TcpRow.REQUEST_REPLY_64 ? 21.0 : 30.0; // met, then missed
            peers.put(TcpPeer.JEROMQ, jeromq);
            peers.put(TcpPeer.RINGWAY, ringway);
            figures.put(row, peers);
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TcpTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), figures, false);
        final String table = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(table.matches("(?s).*push/pull 64 B: Ringway/JeroMQ Mops/s +0\\.95 .* met\\R.*"), table);
        assertTrue(table.matches("(?s).*push/pull 1 KiB: Ringway/JeroMQ Mops/s +0\\.50 .* MISSED\\R.*"), table);
        assertTrue(table.matches("(?s).*req/rep 64 B: Ringway/JeroMQ p50 +1\\.05 .* met\\R.*"), table);
        assertTrue(table.matches("(?s).*req/rep 1 KiB: Ringway/JeroMQ p50 +1\\.50 .* MISSED\\R.*"), table);
    }
}
