package io.ringway.perf.patterns;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The suite's table is filled by class name and parameter: every benchmark the suite runs must land in exactly
 * one cell, and every cell must have a benchmark, else a row would print "-" for a system nobody measured.
 */
class PatternSuiteTest
{
    private static Set<BenchmarkListEntry> benchmarks(final String include)
    {
        return BenchmarkList.defaultList().find(
            OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT),
            List.of(include), List.of());
    }

    @Test
    void shouldMapEveryBenchmarkOfTheSuiteToOneCellAndFillEveryCell()
    {
        final Set<BenchmarkListEntry> benchmarks = benchmarks(PatternSuite.INCLUDE);
        final List<String> cells = new ArrayList<>();
        for (final BenchmarkListEntry benchmark : benchmarks)
        {
            final String qualifiedName = benchmark.getUserClassQName();
            final String className = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
            final PatternPeer peer = PatternPeer.ofClass(className);
            assertNotNull(peer, () -> className + " has no peer prefix");
            final Map<String, String[]> params = benchmark.getParams().orElse(Map.of());
            final String[] subscribers = params.getOrDefault(PatternRow.SUBSCRIBERS_PARAM, new String[]{null});
            for (final String value : subscribers)
            {
                final PatternRow row = PatternRow.of(peer.shapeOf(className), value);
                assertNotNull(row, () -> className + " with subscribers=" + value + " fills no row");
                cells.add(row + "/" + peer);
            }
        }

        final List<String> expected = new ArrayList<>();
        for (final PatternRow row : PatternRow.values())
        {
            for (final PatternPeer peer : PatternPeer.values())
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
        for (final PatternRow row : PatternRow.values())
        {
            final List<PatternPeer> peers = new ArrayList<>();
            for (final BenchmarkListEntry benchmark : benchmarks(PatternSuite.include(row)))
            {
                final String qualifiedName = benchmark.getUserClassQName();
                final String className = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
                final PatternPeer peer = PatternPeer.ofClass(className);
                assertEquals(row.shape(), peer.shapeOf(className), className + " selected for " + row);
                if (null != row.subscribers())
                {
                    final String[] values = benchmark.getParams().get().get(PatternRow.SUBSCRIBERS_PARAM);
                    assertTrue(Arrays.asList(values).contains(row.subscribers()),
                        () -> className + " has no subscribers=" + row.subscribers());
                }
                peers.add(peer);
            }
            peers.sort(null);
            assertEquals(List.of(PatternPeer.values()), peers, row + " runs one benchmark per peer");
        }
    }

    @Test
    void shouldNotMatchAFanOutRowWithoutItsSubscriberCount()
    {
        assertEquals(PatternRow.FAN_OUT_2, PatternRow.of("FanOut", "2"));
        assertNull(PatternRow.of("FanOut", "3"));
        assertEquals(PatternRow.REQUEST_REPLY, PatternRow.of("RequestReply", null));
        assertNull(PatternRow.of("Pipeline", null));
    }
}
