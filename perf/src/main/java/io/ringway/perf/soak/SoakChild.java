package io.ringway.perf.soak;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The child JVM of the tcp soak: the trading topology, fed by a {@link TickRelay} from a link that connects to
 * the parent's. Talks to the parent over stdin and stdout, one line each way:
 * <pre>
 *   child  -&gt; parent   ready                 (topology and link up, start probe taken)
 *   parent -&gt; child    stop &lt;ticks sent&gt;
 *   child  -&gt; parent   report name=value ... (after every tick has come through, end probe taken)
 * </pre>
 * Exits 0 after reporting, 1 on a protocol error. Progress and errors go to stderr.
 */
public final class SoakChild
{
    /** How long the child waits for the wire and the topology to catch up once the parent stops. */
    static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

    private SoakChild()
    {
    }

    /**
     * @param args the parent link's endpoint, and the ring size.
     * @throws IOException if stdin fails.
     */
    public static void main(final String[] args) throws IOException
    {
        final String endpoint = args[0];
        final int ringSize = Integer.parseInt(args[1]);
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        final Path directory = Files.createTempDirectory("ringway-soak-child");
        try (TradingSide side = new TradingSide(ringSize, directory.resolve("trading")))
        {
            final TickRelay relay = new TickRelay(side, Idle.BACKOFF.newStrategy());
            try (Ringway wire = Ringway.builder()
                .runtimeDirectory(directory.resolve("wire"))
                .dispatcher("relay", Idle.BACKOFF)
                .actor("relay", context -> relay, actor -> actor.dispatcher("relay").ringSize(ringSize))
                .link(new LinkSpec("in", LinkShape.COLLECT).connect(endpoint).deliverTo("relay"))
                .build()
                .start())
            {
                final ProcessProbe start = ProcessProbe.take();
                out.println("ready");
                final String stop = in.readLine();
                if (null == stop || !stop.startsWith("stop "))
                {
                    System.err.println("soak child: expected 'stop <ticks>', got " + stop);
                    System.exit(1);
                }
                final long ticksSent = Long.parseLong(stop.substring("stop ".length()).trim());
                final long deadlineNs = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
                while (relay.received() < ticksSent && deadlineNs - System.nanoTime() > 0)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
                final boolean quiet = side.awaitQuiet(relay.injected(), CATCH_UP_TIMEOUT);
                final ProcessProbe end = ProcessProbe.take();
                final SoakReport report = new SoakReport();
                relay.report(report, ticksSent);
                side.report(report, ticksSent);
                report.put("quiet.timedOut", quiet ? 0 : 1).put("start", start).put("end", end);
                out.println("report " + report.toLine());
            }
        }
        Soak.deleteTree(directory);
        System.exit(0);
    }
}
