package io.ringway.perf.cli;

import io.ringway.perf.RingwayPerf;
import io.ringway.perf.report.ReportFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code bench} end to end on the core suite with a tiny duration (8 JMH forks, a few seconds): the table and
 * every file of the report folder. The figures themselves mean nothing at this duration; what is checked is that
 * every system of the suite ran and reached the table, the JSON, the plots and the {@code .hgrm} files.
 */
class BenchCommandTest
{
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @TempDir
    Path folder;

    @Test
    void shouldRunTheCoreSuiteAndWriteEveryFileOfTheReport() throws Exception
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Path report = folder.resolve("report");

        // Backoff consumers: a test must not busy-spin (the JMH thread still spins while it waits a reply).
        final int status = RingwayPerf.run(new String[]{"bench", "--suite", "core", "--duration", "0.1",
            "--idle", "backoff", "--size", "128", "--out", report.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

        final String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
        final List<BenchCase> cases = BenchSuites.named("core").get(0).cases();
        final String json = Files.readString(report.resolve(ReportFolder.RESULTS));
        assertTrue(json.contains("suite core, 128-byte messages, idle BACKOFF"), json);
        for (final BenchCase benchCase : cases)
        {
            assertTrue(json.contains("{\"benchmark\": \"" + benchCase.benchmark() + "\", \"system\": \""
                + benchCase.system() + "\", "), benchCase.system() + " on " + benchCase.benchmark() + ": " + json);
            assertTrue(printed.lines().anyMatch(line -> line.matches(
                "\\Q" + benchCase.benchmark() + "\\E +\\Q" + benchCase.system() + "\\E +[0-9.-].*")), printed);
        }

        final Document html = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
            .parse(report.resolve(ReportFolder.INDEX).toFile());
        final NodeList svgs = html.getElementsByTagNameNS(SVG_NS, "svg");
        assertEquals(1, svgs.getLength(), "one latency benchmark in the core suite: ping-pong");
        final NodeList curves = ((Element)svgs.item(0)).getElementsByTagNameNS(SVG_NS, "polyline");
        assertEquals(4, curves.getLength(), "one curve per system");

        for (final String system : List.of("ringway", "raw-disruptor-4", "arrayblockingqueue",
            "agrona-onetooneringbuffer"))
        {
            final String hgrm = Files.readString(report.resolve("ping-pong_" + system + ".hgrm"));
            assertTrue(hgrm.contains("Value     Percentile TotalCount 1/(1-Percentile)"), hgrm);
            assertTrue(hgrm.contains("#[Max") && hgrm.contains("Total count"), hgrm);
        }
    }
}
