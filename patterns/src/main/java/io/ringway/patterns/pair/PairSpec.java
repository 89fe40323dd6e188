package io.ringway.patterns.pair;

import io.ringway.patterns.OperatorSpec;
import io.ringway.patterns.RemoteMembers;
import io.ringway.patterns.TopologyView;
import io.ringway.runtime.ActorOptions;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkSecurity;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.errors.ConfigurationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An exclusive pair (ZeroMQ PAIR, RFC 31): two ends, each talking only to the other, both ways.
 * <pre>
 *   actor a                                           actor b
 *   [PairEnd] --offer--&gt; address "b.hedge" --deliver--&gt; handler
 *   handler  &lt;--deliver-- address "a.hedge" &lt;--offer-- [PairEnd]
 *
 *   anyone else --&gt; "a.hedge" or "b.hedge" : REFUSED, counted as dropped
 * </pre>
 * Declared in a topology as {@code .pair("hedge", pair -> pair.ends("a", "b"))}. Each end gets a {@link PairEnd}
 * attachment named after the operator, with an address {@code actor.operator} that accepts messages from the
 * other end's address only; its actor finds it with {@code context.attachment("hedge", PairEnd.class)}.
 * <p>
 * Build fails, naming the operator and the fault, when: there are not exactly two ends; both ends are the same
 * actor; an end is not an actor of the topology; the ring size is not a power of two; the largest message is
 * under one byte.
 * <p>
 * Not thread safe: declare on one thread.
 */
public final class PairSpec implements OperatorSpec
{
    private final String name;
    private final List<String> ends = new ArrayList<>();
    private int ringSize = ActorOptions.DEFAULT_RING_SIZE;
    private int maxMessageLength = ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH;
    private final RemoteMembers remoteEnd = new RemoteMembers();

    /** @param name of the operator, unique in its topology; the ends' attachments and addresses carry it. */
    public PairSpec(final String name)
    {
        this.name = name;
    }

    /**
     * @param actorNames the two actors of the pair; may be called again to add more, which fails the build.
     * @return this spec.
     */
    public PairSpec ends(final String... actorNames)
    {
        ends.addAll(Arrays.asList(actorNames));
        return this;
    }

    /**
     * @param ringSize slots in each end's address, a power of two; bounds how far one end may run ahead of the
     *                 other before its sends are back-pressured.
     * @return this spec.
     */
    public PairSpec ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * @param maxMessageLength largest message either end accepts, in bytes.
     * @return this spec.
     */
    public PairSpec maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * Makes the second end remote: a ZeroMQ PAIR peer at these endpoints, with {@code [body]} frames both ways.
     * The local end then talks to an address named {@code <operator>~remote}, which the link empties onto the
     * wire, and accepts messages from that address only; that address in turn accepts messages from the local end
     * only (anyone else is refused with {@code REFUSED}, counted as dropped on the link), so the pair stays
     * exclusive on this side of the wire. ZeroMQ's PAIR lets one peer in at a time.
     *
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public PairSpec remoteEnd(final LinkEndpoint... endpoints)
    {
        remoteEnd.add(endpoints);
        return this;
    }

    /**
     * As {@link #remoteEnd(LinkEndpoint...)}, served with CURVE.
     *
     * @param security  CURVE for the link: {@link LinkSecurity#curveServer} (secret key file and the clients'
     *                  public keys allowed) or {@link LinkSecurity#curveClient} (own key file and the server's
     *                  public key). Every call for this role must give the same.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public PairSpec remoteEnd(final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        remoteEnd.add(security, endpoints);
        return this;
    }

    /**
     * @param limits linger, handshake, heartbeats and high-water mark of the remote end's link.
     * @return this spec.
     */
    public PairSpec linkLimits(final LinkLimits limits)
    {
        remoteEnd.limits(limits);
        return this;
    }

    /**
     * @param idle how the remote links' threads wait for work ({@code LinkSpec.idle}): {@link Idle#BACKOFF} by
     *             default; {@link Idle#BUSY_SPIN} or {@link Idle#YIELDING} for latency with a core free per link.
     * @return this spec.
     */
    public PairSpec linkIdle(final Idle idle)
    {
        remoteEnd.idle(idle);
        return this;
    }

    /** @return the address standing for the remote end, {@code <operator>~remote}. */
    public String remoteEndAddress()
    {
        return name + "~remote";
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void validate(final TopologyView topology)
    {
        final String where = "pair '" + name + "'";
        final int localEnds = remoteEnd.isEmpty() ? 2 : 1;
        if (ends.size() != localEnds)
        {
            throw new ConfigurationException(where + ": a pair has exactly two ends, not " + ends.size() + " " + ends
                + (remoteEnd.isEmpty() ? "" : " and a remote one"));
        }
        remoteEnd.validate(where + " remote end");
        for (final String end : ends)
        {
            if (null == end)
            {
                throw new ConfigurationException(where + ": an end's name is null");
            }
            topology.requireActor(where, "end", end);
        }
        if (localEnds == 2 && ends.get(0).equals(ends.get(1)))
        {
            throw new ConfigurationException(where + ": both ends are actor '" + ends.get(0)
                + "'; a pair joins two different actors");
        }
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1)
        {
            throw new ConfigurationException(where + ": ring size " + ringSize + " is not a power of two (at least 2)");
        }
        if (maxMessageLength < 1)
        {
            throw new ConfigurationException(where + ": max message length " + maxMessageLength
                + " must be at least 1 byte");
        }
    }

    @Override
    public void declare(final RingwayBuilder runtime)
    {
        if (!remoteEnd.isEmpty())
        {
            runtime.link(remoteEnd.link(remoteEndAddress(), LinkShape.EXCLUSIVE)
                .port(ringSize, maxMessageLength)
                .portAcceptsOnlyFrom(ends.get(0) + "." + name)
                .deliverTo(ends.get(0) + "." + name));
        }
    }

    @Override
    public void configure(final String actorName, final ActorOptions options)
    {
        final int index = ends.indexOf(actorName);
        if (index >= 0)
        {
            final String peerAddress = remoteEnd.isEmpty() ? ends.get(1 - index) + "." + name : remoteEndAddress();
            options.attachWithAddress(name, new PairEnd(peerAddress), ringSize, maxMessageLength)
                .acceptOnlyFrom(name, peerAddress);
        }
    }
}
