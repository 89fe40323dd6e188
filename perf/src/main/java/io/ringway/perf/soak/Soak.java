package io.ringway.perf.soak;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The two soak runs of the trading topology, at a fixed rate for a fixed time, lossless:
 * <pre>
 *  in-process:  source thread --inject--&gt; feed --&gt; strategies --&gt; risk --&gt; gateway   (+ quotes gather)
 *
 *  tcp:         parent JVM                              child JVM ({@link SoakChild})
 *               source thread --&gt; port "ticks" ==tcp==&gt; link "in" --&gt; relay --inject--&gt; feed --&gt; ... gateway
 *               (DISTRIBUTE, bound 127.0.0.1:*)          (COLLECT)
 * </pre>
 * Each returns a {@link SoakReport}: what was sent, received, lost, repeated and reordered, and heap after GC,
 * threads and file descriptors at the start and end of the sending, in each JVM.
 * <p>
 * Thread safety: each run on the calling thread, which is the source.
 */
public final class Soak
{
    /** How long the topology may take to drain once the source stops: far more than a healthy one needs. */
    static final Duration QUIET_TIMEOUT = Duration.ofSeconds(60);

    private Soak()
    {
    }

    /**
     * @param ratePerSecond ticks per second.
     * @param duration      how long to send.
     * @param ringSize      of every mailbox and ring.
     * @param progress      where to print progress lines; null for none.
     * @return the figures.
     */
    public static SoakReport inProcess(
        final long ratePerSecond, final Duration duration, final int ringSize, final PrintStream progress)
    {
        final Path directory = temporaryDirectory("ringway-soak");
        final SoakReport report = new SoakReport();
        try (TradingSide side = new TradingSide(ringSize, directory))
        {
            final ProcessProbe start = ProcessProbe.take();
            final FixedRateSource source = new FixedRateSource()
                .run(side::inject, ratePerSecond, duration.toNanos(), progress);
            final boolean quiet = side.awaitQuiet(source.sent(), QUIET_TIMEOUT);
            final ProcessProbe end = ProcessProbe.take();
            source.report(report);
            side.report(report, source.sent());
            report.put("quiet.timedOut", quiet ? 0 : 1).put("start", start).put("end", end);
        }
        deleteTree(directory);
        return report;
    }

    /**
     * @param ratePerSecond ticks per second.
     * @param duration      how long to send.
     * @param ringSize      of every mailbox and ring, and of the link's port.
     * @param progress      where to print progress lines; null for none.
     * @return the figures: the parent's, and the child's under {@code child.}.
     * @throws IllegalStateException if the child does not start, answer or exit as agreed.
     */
    public static SoakReport overTcp(
        final long ratePerSecond, final Duration duration, final int ringSize, final PrintStream progress)
    {
        final Path directory = temporaryDirectory("ringway-soak-parent");
        final SoakReport report = new SoakReport();
        final UnsafeBuffer tick = new UnsafeBuffer(new byte[SoakTickDescriptor.LENGTH]);
        try (Ringway parent = Ringway.builder()
            .runtimeDirectory(directory)
            .link(new LinkSpec("ticks", LinkShape.DISTRIBUTE).bind("tcp://127.0.0.1:*")
                .port(ringSize, SoakTickDescriptor.LENGTH))
            .build()
            .start())
        {
            final ZmqLink link = (ZmqLink)parent.link("ticks");
            final Process child = startChild(link.endpoints().get(0).endpoint().toString(), ringSize);
            try (BufferedReader fromChild = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                PrintStream toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8))
            {
                expect(fromChild, "ready");
                awaitTrue(() -> link.handshakes() >= 1, "the child's link to connect");
                final ProcessProbe start = ProcessProbe.take();
                final FixedRateSource source = new FixedRateSource().run((sequence, injectedNs) ->
                {
                    tick.putInt(SoakTickDescriptor.SYMBOL_OFFSET, (int)(sequence % TradingSide.SUBSCRIBED_SYMBOLS));
                    tick.putLong(SoakTickDescriptor.SEQUENCE_OFFSET, sequence);
                    tick.putLong(SoakTickDescriptor.PRICE_OFFSET, 100_000 + sequence % 1_000);
                    tick.putLong(SoakTickDescriptor.QUANTITY_OFFSET, 100);
                    tick.putLong(SoakTickDescriptor.INJECTED_NS_OFFSET, injectedNs);
                    return parent.actor("ticks").offer(tick, 0, SoakTickDescriptor.LENGTH);
                }, ratePerSecond, duration.toNanos(), progress);
                final long sent = source.sent();
                awaitTrue(() -> parent.linkCounters("ticks").get(CounterType.SENT) == sent,
                    "the link to send every tick");
                toChild.println("stop " + sent);
                final String line = fromChild.readLine();
                if (null == line || !line.startsWith("report "))
                {
                    throw new IllegalStateException("soak child answered '" + line + "', not its report");
                }
                if (!child.waitFor(QUIET_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || 0 != child.exitValue())
                {
                    throw new IllegalStateException("soak child did not exit cleanly");
                }
                final ProcessProbe end = ProcessProbe.take();
                source.report(report);
                report.put("link.sent", parent.linkCounters("ticks").get(CounterType.SENT))
                    .put("link.dropped", parent.linkCounters("ticks").get(CounterType.DROPPED))
                    .put("start", start)
                    .put("end", end)
                    .putAll("child", SoakReport.parse(line.substring("report ".length())));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the soak child", ex);
            }
            finally
            {
                child.destroyForcibly();
            }
        }
        deleteTree(directory);
        return report;
    }

    private static Process startChild(final String endpoint, final int ringSize)
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try
        {
            return new ProcessBuilder(java,
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                SoakChild.class.getName(), endpoint, Integer.toString(ringSize))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("could not start the soak child JVM", ex);
        }
    }

    private static void expect(final BufferedReader fromChild, final String expected) throws IOException
    {
        final String line = fromChild.readLine();
        if (!expected.equals(line))
        {
            throw new IllegalStateException("soak child said '" + line + "', expected '" + expected + "'");
        }
    }

    private static void awaitTrue(final BooleanSupplier condition, final String what)
    {
        final long deadlineNs = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                throw new IllegalStateException("timed out after " + QUIET_TIMEOUT + " waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    static Path temporaryDirectory(final String prefix)
    {
        try
        {
            return Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void deleteTree(final Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
