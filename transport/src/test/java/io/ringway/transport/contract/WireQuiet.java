package io.ringway.transport.contract;

import io.ringway.patterns.testing.Await;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.SharedRing;
import io.ringway.runtime.status.CountersFileReader;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Steps the caller-run dispatchers of runtimes linked to each other until they and the wire between them are
 * quiet: a pass of every dispatcher finds nothing to do, no link's port holds a message, and every message a
 * link sent has been received by a link of the other runtimes (summed over all links, from the counters files).
 * Messages on the wire are moved by the links' own threads, so the test thread waits for them, with a backoff and
 * a timeout, never a fixed sleep.
 * <p>
 * The quiet state is read before the pass of the dispatchers, so that a message received just before the
 * reading is handled by that pass, which then does work and is not the last. Not thread-safe: the test thread
 * alone calls it.
 */
final class WireQuiet
{
    private static final String LINK = "link ";
    private static final String SENT = ": sent";
    private static final String RECEIVED = ": received";

    private final List<Ringway> runtimes;
    private final List<ActorRef> ports = new ArrayList<>();
    private final IdleStrategy idle = new BackoffIdleStrategy(10, 10, 1_000, 1_000_000);

    /** @param runtimes every runtime of the test, linked only to each other. */
    WireQuiet(final List<Ringway> runtimes)
    {
        this.runtimes = runtimes;
        for (final Ringway runtime : runtimes)
        {
            for (final String label : counters(runtime).keySet())
            {
                if (label.startsWith(LINK) && label.endsWith(SENT))
                {
                    port(runtime, label.substring(LINK.length(), label.length() - SENT.length()));
                }
            }
        }
    }

    /** Keeps the link's port, if it has one: an address named after the link. */
    private void port(final Ringway runtime, final String linkName)
    {
        try
        {
            ports.add(runtime.actor(linkName));
        }
        catch (final IllegalArgumentException portless)
        {
            // a link fed by a shared ring, or one that only delivers in, has no port to drain
        }
    }

    /** Waits until a bound link has seen {@code peers} peers complete the ZMTP handshake. */
    void awaitHandshakes(final ZmqLink link, final int peers)
    {
        Await.until(() -> link.handshakes() >= peers, () -> link.name() + " handshakes: " + link.handshakes());
    }

    /**
     * Waits, running no dispatcher, until the wire is quiet: no link's port holds a message, each of
     * {@code outboundRings} has been read to its end, and every message a link sent has been received.
     *
     * @throws AssertionError naming the state reached, if the wire is not quiet within {@link Await#TIMEOUT}.
     */
    void awaitWire(final List<SharedRing> outboundRings)
    {
        Await.until(() -> portsEmpty() && ringsRead(outboundRings) && 0 == inFlight(),
            () -> "wire not quiet: ports empty " + portsEmpty() + ", rings read " + ringsRead(outboundRings)
                + ", messages sent and not received " + inFlight());
    }

    private static boolean ringsRead(final List<SharedRing> rings)
    {
        for (final SharedRing ring : rings)
        {
            if (ring.backlog() > 0)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs a caller-run dispatcher of every runtime until the runtimes and the wire between them are quiet.
     *
     * @param dispatcher the caller-run dispatcher each runtime has.
     * @throws AssertionError naming the state reached, if they are not quiet within {@link Await#TIMEOUT}.
     */
    void runUntilQuiet(final String dispatcher)
    {
        final long deadlineNs = System.nanoTime() + Await.TIMEOUT.toNanos();
        idle.reset();
        while (true)
        {
            final boolean portsEmpty = portsEmpty();
            final long inFlight = inFlight();
            int work = 0;
            for (final Ringway runtime : runtimes)
            {
                work += runUntilIdle(runtime.invoker(dispatcher));
            }
            if (portsEmpty && 0 == inFlight && 0 == work)
            {
                return;
            }
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("not quiet after " + Await.TIMEOUT + ": ports empty " + portsEmpty
                    + ", messages sent and not received " + inFlight + ", last pass did " + work + " work");
            }
            idle.idle(work);
        }
    }

    private static int runUntilIdle(final AgentInvoker invoker)
    {
        int total = 0;
        int work;
        do
        {
            work = invoker.invoke();
            total += work;
        }
        while (work > 0);
        return total;
    }

    private boolean portsEmpty()
    {
        for (final ActorRef port : ports)
        {
            if (port.backlog() > 0)
            {
                return false;
            }
        }
        return true;
    }

    /** @return messages that links sent and no link has received yet; links between these runtimes only. */
    private long inFlight()
    {
        long sent = 0;
        long received = 0;
        for (final Ringway runtime : runtimes)
        {
            for (final Map.Entry<String, Long> counter : counters(runtime).entrySet())
            {
                if (counter.getKey().startsWith(LINK))
                {
                    if (counter.getKey().endsWith(SENT))
                    {
                        sent += counter.getValue();
                    }
                    else if (counter.getKey().endsWith(RECEIVED))
                    {
                        received += counter.getValue();
                    }
                }
            }
        }
        return sent - received;
    }

    /** @return the runtime's counters by label, read from its counters file. */
    static Map<String, Long> counters(final Ringway runtime)
    {
        try (CountersFileReader reader = CountersFileReader.open(runtime.countersFile()))
        {
            return reader.snapshot();
        }
    }
}
