package io.ringway.perf.report;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report folder from known figures: ratios to Ringway, {@code null} for what was not measured, one curve per
 * system inside the plot, and HdrHistogram's own percentile output in the {@code .hgrm} files.
 */
class ReportFolderTest
{
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @TempDir
    Path folder;

    private static Histogram uniformNs(final long fromNs, final long toNs)
    {
        final Histogram histogram = new Histogram(3);
        for (long value = fromNs; value <= toNs; value++)
        {
            histogram.recordValue(value);
        }
        return histogram;
    }

    private final BenchReport report = new BenchReport("test settings", List.of(
        new Measurement("one hop", "Ringway", 20, null, Double.NaN),
        new Measurement("one hop", "Peer <A>", 5, null, Double.NaN),
        new Measurement("ping-pong", "Ringway", Double.NaN, uniformNs(1_000, 2_000), Double.NaN),
        new Measurement("ping-pong", "Peer <A>", Double.NaN, uniformNs(3_000, 6_000), Double.NaN)));

    @Test
    void shouldWriteRatiosToRingwayAndNullForWhatWasNotMeasured() throws Exception
    {
        ReportFolder.write(folder, report);

        final String json = Files.readString(folder.resolve(ReportFolder.RESULTS));
        assertTrue(json.contains("\"systems\": [\"Ringway\", \"Peer <A>\"]"), json);
        assertTrue(json.contains("{\"benchmark\": \"one hop\", \"system\": \"Peer <A>\", \"mopsPerSecond\": 5.0000,"
            + " \"mopsRatio\": 0.2500, \"bytesPerOp\": null}"), json);
        assertTrue(json.contains("\"hgrm\": \"ping-pong_peer-a.hgrm\""), json);
        // Uniform 3..6 us against 1..2 us: the median is 4.5 us against 1.5 us, 3 times Ringway's.
        assertTrue(json.contains("\"latencyRatio\": {\"p50\": 3.0"), json);
    }

    @Test
    void shouldPlotOneCurvePerSystemInsideThePlotInWellFormedXhtml() throws Exception
    {
        ReportFolder.write(folder, report);

        final Document html = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
            .parse(folder.resolve(ReportFolder.INDEX).toFile());
        final NodeList svgs = html.getElementsByTagNameNS(SVG_NS, "svg");
        assertEquals(1, svgs.getLength(), "only ping-pong has latencies");
        final Element svg = (Element)svgs.item(0);
        final NodeList curves = svg.getElementsByTagNameNS(SVG_NS, "polyline");
        assertEquals(2, curves.getLength());
        final double width = Double.parseDouble(svg.getAttribute("width"));
        final double height = Double.parseDouble(svg.getAttribute("height"));
        for (int i = 0; i < curves.getLength(); i++)
        {
            for (final String point : ((Element)curves.item(i)).getAttribute("points").trim().split(" "))
            {
                final String[] xy = point.split(",");
                final double x = Double.parseDouble(xy[0]);
                final double y = Double.parseDouble(xy[1]);
                assertTrue(x >= 0 && x <= width && y >= 0 && y <= height, point);
            }
        }
        assertTrue(Files.readString(folder.resolve(ReportFolder.INDEX)).contains("Peer &lt;A&gt;"));
    }

    @Test
    void shouldWriteHdrHistogramsPercentileDistributionInMicroseconds() throws Exception
    {
        ReportFolder.write(folder, report);

        final List<String> lines = Files.readAllLines(folder.resolve("ping-pong_ringway.hgrm"));
        assertEquals("Value     Percentile TotalCount 1/(1-Percentile)", lines.get(0).trim());
        assertTrue(lines.get(2).trim().startsWith("1.000 0.000000000000"), lines.get(2));
        assertTrue(lines.stream().anyMatch(line -> line.contains("Total count") && line.contains("1001")),
            lines.toString());
        assertFalse(Files.exists(folder.resolve("one-hop_ringway.hgrm")), "no latencies, no histogram");
    }
}
