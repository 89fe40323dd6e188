package io.ringway.patterns.reqrep;

import io.ringway.patterns.OperatorSpec;
import io.ringway.patterns.RemoteMembers;
import io.ringway.patterns.TopologyView;
import io.ringway.patterns.support.PendingTable;
import io.ringway.runtime.ActorOptions;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkSecurity;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.errors.ConfigurationException;
import org.agrona.BitUtil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A correlate-reply operator (ZeroMQ REQ/REP, DEALER/ROUTER): requesters send requests to repliers and get
 * back, for each, exactly one reply or one counted timeout.
 * <pre>
 *                 request (correlation id 7, sender = risk1.gateway)
 *   +---------+ ------------------------------------------------> +---------+
 *   |  risk1  |                                                  | gateway | context.reply(...)
 *   | [gateway] <------------------------------------------------ | (plain  |
 *   +---------+   reply (correlation id 7) to risk1.gateway only  |  actor) |
 *        |                                                       +---------+
 *        +-- no reply by the deadline: resend (retries), then TIMEOUT (correlation id 7) to risk1
 * </pre>
 * <pre>{@code
 * .requestReply("gateway", rr -> rr.requesters("risk1", "risk2").replier("gateway")
 *     .timeout(Duration.ofMillis(5)).retries(1).maxInFlight(1024))
 * }</pre>
 * Each requester gets a {@link Requester} attachment named after the operator, with its own address
 * {@code requester.operator}; its actor finds it with {@code context.attachment("gateway", Requester.class)}.
 * Repliers are plain actors that answer with {@code context.reply(...)}. With several repliers, requests go to
 * them in rotation, skipping any whose mailbox refuses, and a retry goes to the replier after the one that had
 * the previous attempt.
 * <p>
 * {@link #validate} fails, naming the operator and the fault, for: no requester or no replier, a member that is
 * not an actor of the topology, a name listed twice, an actor that is both requester and replier, a missing,
 * zero or negative timeout, negative retries, a max-in-flight or max message length below 1, a reply ring size
 * that is not a power of two, or retry copies too large to allocate.
 * <p>
 * Not thread safe: configure on one thread, as the topology builder.
 */
public final class RequestReplySpec implements OperatorSpec
{
    /** Requests pending per requester unless {@link #maxInFlight(int)} says otherwise. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    private static final int MAX_DEFAULT_REPLY_RING_SIZE = 1 << 16;

    private final String name;
    private final List<String> requesters = new ArrayList<>();
    private final List<String> repliers = new ArrayList<>();
    private Duration timeout;
    private int retries;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private int maxMessageLength = ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH;
    private int replyRingSize;
    private final RemoteMembers remoteRepliers = new RemoteMembers();
    private final RemoteMembers remoteRequesters = new RemoteMembers();

    /** @param name of the operator, unique in its topology; also the name of the requesters' attachments. */
    public RequestReplySpec(final String name)
    {
        this.name = name;
    }

    @Override
    public String name()
    {
        return name;
    }

    /**
     * @param actorNames actors that send requests; each gets a {@link Requester}.
     * @return this spec.
     */
    public RequestReplySpec requesters(final String... actorNames)
    {
        Collections.addAll(requesters, actorNames); // a null name is refused by validate, naming its role
        return this;
    }

    /**
     * @param actorName an actor that answers requests with {@code context.reply(...)}.
     * @return this spec.
     */
    public RequestReplySpec replier(final String actorName)
    {
        repliers.add(actorName);
        return this;
    }

    /**
     * @param actorNames actors that answer requests, taken in rotation.
     * @return this spec.
     */
    public RequestReplySpec repliers(final String... actorNames)
    {
        Collections.addAll(repliers, actorNames);
        return this;
    }

    /**
     * Adds remote repliers: ZeroMQ REP or ROUTER servers, called over a DEALER with the RFC 28 envelope. Together
     * they are one replier of the rotation, an address named {@code <operator>~repliers}; among themselves the
     * DEALER rotates. Deadlines, retries and timeouts are the requester's, as for a local replier.
     *
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}; may be called again to add more.
     * @return this spec.
     */
    public RequestReplySpec remoteRepliers(final LinkEndpoint... endpoints)
    {
        remoteRepliers.add(endpoints);
        return this;
    }

    /**
     * As {@link #remoteRepliers(LinkEndpoint...)}, served with CURVE.
     *
     * @param security  CURVE for the link: {@link LinkSecurity#curveServer} (secret key file and the clients'
     *                  public keys allowed) or {@link LinkSecurity#curveClient} (own key file and the server's
     *                  public key). Every call for this role must give the same.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public RequestReplySpec remoteRepliers(final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        remoteRepliers.add(security, endpoints);
        return this;
    }

    /**
     * Adds remote requesters: ZeroMQ REQ or DEALER clients whose requests (RFC 28 envelope) go to the one local
     * replier, which answers with {@code context.reply(...)} as usual; each reply goes back to its client only.
     *
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}; may be called again to add more.
     * @return this spec.
     */
    public RequestReplySpec remoteRequesters(final LinkEndpoint... endpoints)
    {
        remoteRequesters.add(endpoints);
        return this;
    }

    /**
     * As {@link #remoteRequesters(LinkEndpoint...)}, served with CURVE.
     *
     * @param security  CURVE for the link: {@link LinkSecurity#curveServer} (secret key file and the clients'
     *                  public keys allowed) or {@link LinkSecurity#curveClient} (own key file and the server's
     *                  public key). Every call for this role must give the same.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public RequestReplySpec remoteRequesters(final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        remoteRequesters.add(security, endpoints);
        return this;
    }

    /**
     * @param limits linger, handshake, heartbeats and high-water mark (also the most requests from remote
     *               requesters in flight at once) of the remote links.
     * @return this spec.
     */
    public RequestReplySpec linkLimits(final LinkLimits limits)
    {
        remoteRepliers.limits(limits);
        remoteRequesters.limits(limits);
        return this;
    }

    /**
     * @param idle how the remote links' threads wait for work ({@code LinkSpec.idle}): {@link Idle#BACKOFF} by
     *             default; {@link Idle#BUSY_SPIN} or {@link Idle#YIELDING} for latency with a core free per link.
     * @return this spec.
     */
    public RequestReplySpec linkIdle(final Idle idle)
    {
        remoteRepliers.idle(idle);
        remoteRequesters.idle(idle);
        return this;
    }

    /** @return the address of the remote repliers, {@code <operator>~repliers}. */
    public String remoteRepliersAddress()
    {
        return name + "~repliers";
    }

    /**
     * @param timeout how long each attempt waits for its reply; required, more than zero.
     * @return this spec.
     */
    public RequestReplySpec timeout(final Duration timeout)
    {
        this.timeout = timeout;
        return this;
    }

    /**
     * @param retries how many times a request is resent after a timeout before the requester is told; 0 (the
     *                default) or more.
     * @return this spec.
     */
    public RequestReplySpec retries(final int retries)
    {
        this.retries = retries;
        return this;
    }

    /**
     * @param maxInFlight most requests pending per requester; one more is refused with {@code BACK_PRESSURED}.
     * @return this spec.
     */
    public RequestReplySpec maxInFlight(final int maxInFlight)
    {
        this.maxInFlight = maxInFlight;
        return this;
    }

    /**
     * @param maxMessageLength largest request sent and reply accepted, in bytes; 1024 by default.
     * @return this spec.
     */
    public RequestReplySpec maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * @param replyRingSize slots in each requester's reply mailbox, a power of two; by default twice what every
     *                      request in flight answered once per attempt needs (up to 65536). A reply that finds it
     *                      full is refused to the replier with {@code BACK_PRESSURED}, counted as back-pressured on
     *                      the requester's address, and its request times out.
     * @return this spec.
     */
    public RequestReplySpec replyRingSize(final int replyRingSize)
    {
        this.replyRingSize = replyRingSize;
        return this;
    }

    @Override
    public void validate(final TopologyView topology)
    {
        final String operator = "request-reply '" + name + "'";
        if (requesters.isEmpty() && remoteRequesters.isEmpty())
        {
            throw new ConfigurationException(operator + ": no requesters; name them with requesters(...)");
        }
        if (repliers.isEmpty() && remoteRepliers.isEmpty())
        {
            throw new ConfigurationException(operator + ": no replier; name one with replier(...)");
        }
        remoteRepliers.validate(operator + " remote repliers");
        remoteRequesters.validate(operator + " remote requesters");
        if (!remoteRequesters.isEmpty() && repliers.size() != 1)
        {
            throw new ConfigurationException(operator + ": remote requesters need exactly one local replier, not "
                + repliers.size());
        }
        final Set<String> seen = new HashSet<>();
        for (final String requester : requesters)
        {
            topology.requireActor(operator, "requester", requester);
            if (!seen.add(requester))
            {
                throw new ConfigurationException(operator + ": requester '" + requester + "' is listed twice");
            }
        }
        for (final String replier : repliers)
        {
            topology.requireActor(operator, "replier", replier);
            if (requesters.contains(replier))
            {
                throw new ConfigurationException(operator + ": '" + replier + "' is both a requester and a replier");
            }
            if (!seen.add(replier))
            {
                throw new ConfigurationException(operator + ": replier '" + replier + "' is listed twice");
            }
        }
        if (null == timeout)
        {
            throw new ConfigurationException(operator + ": no timeout; every request needs a deadline");
        }
        if (timeout.isZero() || timeout.isNegative())
        {
            throw new ConfigurationException(operator + ": timeout " + timeout + " must be more than zero");
        }
        if (retries < 0)
        {
            throw new ConfigurationException(operator + ": retries " + retries + " must be 0 or more");
        }
        if (maxInFlight < 1)
        {
            throw new ConfigurationException(operator + ": max in flight " + maxInFlight + " must be at least 1");
        }
        if (maxInFlight >= PendingTable.MAX_CAPACITY)
        {
            // Each requester allocates its pending table up front (found by TopologyFuzzTest: 2^30 ran out of heap).
            throw new ConfigurationException(operator + ": max in flight " + maxInFlight + " must be at most "
                + (PendingTable.MAX_CAPACITY - 1));
        }
        if (maxMessageLength < 1 || maxMessageLength == Integer.MAX_VALUE)
        {
            throw new ConfigurationException(operator + ": max message length " + maxMessageLength
                + " must be between 1 and " + (Integer.MAX_VALUE - 1));
        }
        if (retries > 0 && (long)maxInFlight * maxMessageLength > Integer.MAX_VALUE)
        {
            throw new ConfigurationException(operator + ": retry copies of max in flight " + maxInFlight
                + " x max message length " + maxMessageLength + " bytes exceed 2 GiB per requester");
        }
        if (0 != replyRingSize && (replyRingSize < 2 || Integer.bitCount(replyRingSize) != 1))
        {
            throw new ConfigurationException(operator + ": reply ring size " + replyRingSize
                + " is not a power of two (at least 2)");
        }
    }

    @Override
    public void declare(final RingwayBuilder runtime)
    {
        if (!remoteRepliers.isEmpty())
        {
            runtime.link(remoteRepliers.link(remoteRepliersAddress(), LinkShape.REQUEST)
                .port(replyRingSize(), maxMessageLength));
        }
        if (!remoteRequesters.isEmpty())
        {
            runtime.link(remoteRequesters.link(name + "~requesters", LinkShape.REPLY)
                .port(replyRingSize(), maxMessageLength)
                .deliverTo(repliers.get(0)));
        }
    }

    @Override
    public void configure(final String actorName, final ActorOptions options)
    {
        if (requesters.contains(actorName))
        {
            final List<String> allRepliers = new ArrayList<>(repliers);
            if (!remoteRepliers.isEmpty())
            {
                allRepliers.add(remoteRepliersAddress());
            }
            final Requester requester = new Requester(
                allRepliers.toArray(new String[0]), timeout.toNanos(), retries, maxInFlight, maxMessageLength);
            options.attachWithAddress(name, requester, replyRingSize(), maxMessageLength);
        }
    }

    private int replyRingSize()
    {
        if (0 != replyRingSize)
        {
            return replyRingSize;
        }
        // Twice the replies that can be outstanding: a mailbox frees the slots of a batch only when the whole
        // batch has been handled, and each reply handled may send a new request whose reply arrives meanwhile.
        final long repliesPerWindow = 2L * maxInFlight * (retries + 1L);
        final long wanted = Math.min(MAX_DEFAULT_REPLY_RING_SIZE, Math.max(2, repliesPerWindow));
        return BitUtil.findNextPositivePowerOfTwo((int)wanted);
    }
}
