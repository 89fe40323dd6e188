package io.ringway.transport.fuzz;

import io.ringway.patterns.Topology;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.status.CounterType;
import io.ringway.runtime.status.MessageCounters;
import io.ringway.transport.zmq.ZmqLink;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static io.ringway.runtime.endpoint.LinkEndpoint.bind;

/**
 * One runtime with three bound links, kept across fuzz inputs: a collector ({@code PULL}), a subscriber
 * ({@code SUB}) and a replier ({@code ROUTER}), each with a well-behaved JeroMQ peer connected to it ({@code PUSH},
 * {@code PUB}, {@code DEALER}). Each input is written by a fresh raw TCP connection to one link; then the bridge is
 * checked: its threads, what they allocated, the link's counters, and a probe from the well-behaved peer.
 * <p>
 * Not thread safe: one fuzz input at a time.
 */
final class FuzzedBridge implements AutoCloseable
{
    /** The ring's largest message; the link's frame limit is this plus 64 bytes for CURVE's box. */
    static final int MAX_MESSAGE_LENGTH = 1024;
    static final int FRAME_LIMIT = MAX_MESSAGE_LENGTH + 64;
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** The three links: the link's name, its actor, and the socket type a well-behaved peer of it has. */
    enum Target
    {
        PULL("in", "PUSH", SocketType.PUSH),
        SUB("feed", "PUB", SocketType.PUB),
        ROUTER("rpc~requesters", "DEALER", SocketType.DEALER);

        final String linkName;
        final String peerType;
        final SocketType peerSocket;

        Target(final String linkName, final String peerType, final SocketType peerSocket)
        {
            this.linkName = linkName;
            this.peerType = peerType;
            this.peerSocket = peerSocket;
        }
    }

    private final Ringway ringway;
    private final List<AtomicReference<ProbeActor>> actors = new ArrayList<>();
    private final List<Thread> bridgeThreads;
    private final ZMQ.Context peerContext = ZMQ.context(1);
    private final List<ZMQ.Socket> peers = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    FuzzedBridge(final Path runtimeDirectory)
    {
        final Set<Thread> before = Thread.getAllStackTraces().keySet();
        for (int i = 0; i < Target.values().length; i++)
        {
            actors.add(new AtomicReference<>());
        }
        // No heartbeats: only the input's own bytes close a connection, never a timer on a loaded machine.
        final LinkLimits limits = new LinkLimits(500, 1_000, 0, 0, 1_000);
        ringway = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory).drainTimeout(Duration.ofSeconds(1))
                .link(new LinkSpec(Target.PULL.linkName, LinkShape.COLLECT).bind("tcp://127.0.0.1:*")
                    .deliverTo("collector").limits(limits))
                .link(new LinkSpec(Target.SUB.linkName, LinkShape.SUBSCRIBE).bind("tcp://127.0.0.1:*")
                    .deliverTo("subscriber").limits(limits)))
            .actor("collector", context -> created(Target.PULL, new ProbeActor(context, false)),
                actor -> actor.maxMessageLength(MAX_MESSAGE_LENGTH))
            .actor("subscriber", context -> created(Target.SUB, new ProbeActor(context, false)),
                actor -> actor.maxMessageLength(MAX_MESSAGE_LENGTH))
            .actor("server", context -> created(Target.ROUTER, new ProbeActor(context, true)),
                actor -> actor.maxMessageLength(MAX_MESSAGE_LENGTH))
            .requestReply("rpc", rr -> rr.replier("server").remoteRequesters(bind("tcp://127.0.0.1:*"))
                .timeout(Duration.ofSeconds(1)).linkLimits(limits).maxMessageLength(MAX_MESSAGE_LENGTH))
            .build()
            .start();
        final Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(before);
        bridgeThreads = List.copyOf(started);
        for (final Target target : Target.values())
        {
            final ZMQ.Socket peer = peerContext.socket(target.peerSocket);
            peer.setLinger(0);
            peer.setReceiveTimeOut((int)WAIT.toMillis());
            peer.connect("tcp://127.0.0.1:" + port(target));
            peers.add(peer);
        }
        for (final Target target : Target.values())
        {
            // A PUB sends nothing until the SUB's subscription has reached it: probe until one arrives.
            if (!probeUntilServed(target))
            {
                throw new IllegalStateException("the well-behaved " + target.peerType + " peer was never served");
            }
        }
    }

    private ProbeActor created(final Target target, final ProbeActor actor)
    {
        actors.get(target.ordinal()).set(actor);
        return actor;
    }

    int port(final Target target)
    {
        return link(target).endpoints().get(0).endpoint().port();
    }

    ZmqLink link(final Target target)
    {
        return (ZmqLink)ringway.link(target.linkName);
    }

    MessageCounters counters(final Target target)
    {
        return ringway.linkCounters(target.linkName);
    }

    ProbeActor actor(final Target target)
    {
        return actors.get(target.ordinal()).get();
    }

    /** @return the link and JeroMQ threads the runtime started: links, I/O threads, reapers. */
    List<Thread> bridgeThreads()
    {
        return bridgeThreads;
    }

    /** @return bytes allocated so far by the bridge's threads. */
    long bridgeAllocatedBytes()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long total = 0;
        for (final Thread thread : bridgeThreads)
        {
            total += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
        }
        return total;
    }

    /**
     * Opens a connection to the target's link and writes the preamble, then (after the bridge's greeting and
     * READY, if the preamble was a complete handshake) the bytes; while it is open, probes the link (so the
     * bridge has read the bytes, and the well-behaved peer is served during the input); then half-closes it and
     * waits (bounded) for the bridge to close its end, which it does once it has read to the end, and for the
     * link to see the disconnection.
     *
     * @throws AssertionError if the probe is not served or the link does not see the connection end.
     */
    void feed(final Target target, final byte[] preamble, final boolean handshake, final byte[] bytes)
    {
        final ZmqLink link = link(target);
        final long disconnects = link.disconnects();
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress("127.0.0.1", port(target)), (int)WAIT.toMillis());
            try
            {
                socket.getOutputStream().write(preamble);
                if (handshake)
                {
                    // As a ZeroMQ peer does: the data frames go after the other side's greeting and READY.
                    readHandshake(socket);
                }
                socket.getOutputStream().write(bytes);
                if (!probe(target))
                {
                    throw new AssertionError(target + ": the well-behaved peer is not served during the input");
                }
                socket.shutdownOutput();
                drainUntilClosed(socket);
            }
            catch (final IOException ex)
            {
                // the bridge closed or reset the connection part way: a valid answer to bad bytes
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot connect to the " + target + " link", ex);
        }
        if (!await(() -> link.disconnects() > disconnects))
        {
            throw new AssertionError(target + ": the link did not see the connection end");
        }
    }

    private static void readHandshake(final Socket socket) throws IOException
    {
        socket.setSoTimeout((int)WAIT.toMillis());
        final InputStream in = socket.getInputStream();
        in.readNBytes(ZmtpPreamble.GREETING_LENGTH);
        final int flags = in.read();
        final int size = (flags & 0x02) != 0 ? (int)java.nio.ByteBuffer.wrap(in.readNBytes(8)).getLong() : in.read();
        in.readNBytes(Math.max(0, size));
    }

    private static void drainUntilClosed(final Socket socket) throws IOException
    {
        final long deadlineNs = System.nanoTime() + WAIT.toNanos();
        final InputStream in = socket.getInputStream();
        final byte[] sink = new byte[4096];
        socket.setSoTimeout(50);
        while (deadlineNs - System.nanoTime() > 0)
        {
            try
            {
                if (in.read(sink) < 0)
                {
                    return;
                }
            }
            catch (final SocketTimeoutException ex)
            {
                // not closed yet: keep reading until the deadline
            }
        }
    }

    /**
     * Sends one probe from the target's well-behaved peer, with a fresh random token as its body.
     *
     * @return true if the target's actor got it (and, for the replier, the reply came back) within the wait.
     */
    boolean probe(final Target target)
    {
        final byte[] token = new byte[16];
        random.nextBytes(token);
        final ProbeActor actor = actor(target);
        final long probes = actor.probes();
        actor.expect(token);
        final ZMQ.Socket peer = peers.get(target.ordinal());
        if (target == Target.ROUTER)
        {
            peer.sendMore(new byte[0]); // REQ-style: an empty delimiter, then the body
        }
        // A SUBSCRIBE link that delivers to an address takes one-frame messages: a PUB's frame is its topic.
        peer.send(token);
        if (!await(() -> actor.probes() > probes))
        {
            return false;
        }
        if (target == Target.ROUTER)
        {
            final byte[] delimiter = peer.recv();
            final byte[] reply = null == delimiter ? null : peer.recv();
            return null != reply && java.util.Arrays.equals(token, reply);
        }
        return true;
    }

    private boolean probeUntilServed(final Target target)
    {
        for (int i = 0; i < 20; i++)
        {
            final ProbeActor actor = actor(target);
            final long probes = null == actor ? 0 : actor.probes();
            if (null != actor && probe(target))
            {
                return true;
            }
            if (null != actor && actor.probes() > probes)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true once the link's {@code received} counter equals what its actor was delivered: nothing
     * delivered uncounted, nothing counted twice.
     */
    boolean countersMatchDeliveries(final Target target)
    {
        return await(() -> counters(target).get(CounterType.RECEIVED) == actor(target).delivered());
    }

    static boolean await(final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (deadlineNs - System.nanoTime() < 0)
            {
                return false;
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    @Override
    public void close()
    {
        for (final ZMQ.Socket peer : peers)
        {
            peer.close();
        }
        peerContext.term();
        ringway.close();
    }
}
