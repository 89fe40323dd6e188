package io.ringway.transport.faults;

import io.ringway.patterns.Topology;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.ring.Header;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

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

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;
import static io.ringway.runtime.endpoint.LinkEndpoint.connect;

/**
 * A Ringway peer in a child JVM, for the process-level fault tests: it connects to the parent's link in one role,
 * prints {@code ready} once started, then one line per event on stdout, and closes when stdin ends.
 * <pre>
 *   worker     &lt;endpoint&gt; &lt;name&gt;   COLLECT: prints each message body
 *   subscriber &lt;endpoint&gt; &lt;name&gt;   a fan-out subscriber to every topic: prints each message body
 *   replier    &lt;endpoint&gt; &lt;name&gt;   a request-reply replier: answers {@code <name>:<request>}
 *   sender     &lt;endpoint&gt; &lt;name&gt;   DISTRIBUTE: on stdin {@code send <from> <to>}, sends m&lt;from&gt;..m&lt;to-1&gt;
 *                                     and prints {@code sent <to>}
 *   member:&lt;delay ms&gt; &lt;bind endpoint&gt; &lt;name&gt;   a gather member (a replier that binds): answers
 *                                     {@code <name>:<request>} after the delay; prints {@code ready <endpoint>}
 * </pre>
 */
public final class FaultPeer
{
    /** A peer the test is done with need not finish its backlog: a late member's would take seconds. */
    private static final Duration DRAIN = Duration.ofMillis(100);

    private FaultPeer()
    {
    }

    /**
     * @param args role, endpoint, name.
     * @throws IOException if stdin or the temporary directory fails.
     */
    public static void main(final String[] args) throws IOException
    {
        final String role = args[0];
        final String endpoint = args[1];
        final String name = args[2];
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        final Path directory = Files.createTempDirectory("ringway-fault-peer");
        try (Ringway ringway = build(role, endpoint, name, directory, out).start())
        {
            out.println(role.startsWith("member:") ?
                "ready " + ((ZmqLink)ringway.link("rpc~requesters")).endpoints().get(0).endpoint() : "ready");
            String line;
            while (null != (line = in.readLine()))
            {
                if (line.startsWith("send "))
                {
                    final String[] range = line.split(" ");
                    send(ringway, Integer.parseInt(range[1]), Integer.parseInt(range[2]));
                    out.println("sent " + range[2]);
                }
            }
        }
        System.exit(0);
    }

    private static Ringway build(
        final String role,
        final String endpoint,
        final String name,
        final Path directory,
        final PrintStream out)
    {
        switch (role)
        {
            case "worker":
                return Ringway.builder().runtimeDirectory(directory).drainTimeout(DRAIN)
                    .actor("printer", context -> new Printer(out))
                    .link(new LinkSpec("in", LinkShape.COLLECT).connect(endpoint).deliverTo("printer"))
                    .build();
            case "subscriber":
                return Topology.builder()
                    .runtime(runtime -> runtime.runtimeDirectory(directory).drainTimeout(DRAIN))
                    .actor("printer", context -> new Printer(out))
                    .fanOut("prices", fanOut -> fanOut
                        .remotePublishers(connect(endpoint))
                        .subscriber("printer", Delivery.LOSSLESS, ""))
                    .build();
            case "replier":
                return Topology.builder()
                    .runtime(runtime -> runtime.runtimeDirectory(directory).drainTimeout(DRAIN))
                    .actor("server", context -> new NamedEcho(context, name, 0))
                    .requestReply("rpc", rr -> rr.replier("server").remoteRequesters(connect(endpoint))
                        .timeout(Duration.ofSeconds(1)))
                    .build();
            case "sender":
                return Ringway.builder().runtimeDirectory(directory).drainTimeout(DRAIN)
                    .link(new LinkSpec("out", LinkShape.DISTRIBUTE).connect(endpoint).port(1024, 64))
                    .build();
            default:
                if (role.startsWith("member:"))
                {
                    final long delayNs = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(role.substring(7)));
                    return Topology.builder()
                        .runtime(runtime -> runtime.runtimeDirectory(directory).drainTimeout(DRAIN))
                        .actor("server", context -> new NamedEcho(context, name, delayNs))
                        .requestReply("rpc", rr -> rr.replier("server").remoteRequesters(bind(endpoint))
                            .timeout(Duration.ofSeconds(1)))
                        .build();
                }
                throw new IllegalArgumentException("no role " + role);
        }
    }

    private static void send(final Ringway ringway, final int from, final int to)
    {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
        for (int i = from; i < to; i++)
        {
            final int length = message.putStringWithoutLengthAscii(0, "m" + i);
            while (ringway.actor("out").offer(message, 0, length) < 0)
            {
                LockSupport.parkNanos(100_000);
            }
        }
    }

    /** Prints each message body as a line. */
    private static final class Printer implements Actor
    {
        private final PrintStream out;

        Printer(final PrintStream out)
        {
            this.out = out;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            out.println(buffer.getStringWithoutLengthAscii(offset, length));
        }
    }

    /** Answers {@code <name>:<request>}, after a delay: a slow member holds its own dispatcher, nobody else's. */
    private static final class NamedEcho implements Actor
    {
        private final ActorContext context;
        private final UnsafeBuffer reply = new UnsafeBuffer(new byte[256]);
        private final int prefixLength;
        private final long delayNs;

        NamedEcho(final ActorContext context, final String name, final long delayNs)
        {
            this.context = context;
            this.prefixLength = reply.putStringWithoutLengthAscii(0, name + ":");
            this.delayNs = delayNs;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (delayNs > 0)
            {
                LockSupport.parkNanos(delayNs);
            }
            reply.putBytes(prefixLength, buffer, offset, length);
            context.reply(reply, 0, prefixLength + length);
        }
    }
}
