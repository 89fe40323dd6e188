package io.ringway.patterns.gather;

import io.ringway.patterns.OperatorSpec;
import io.ringway.patterns.RemoteMembers;
import io.ringway.patterns.TopologyView;
import io.ringway.patterns.support.PendingTable;
import io.ringway.runtime.ActorOptions;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkSecurity;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.errors.ConfigurationException;
import org.agrona.BitUtil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A gather-with-deadline operator (scatter/gather): one request to N members, one result back, when all have
 * replied, when a quorum of K has, or on the first reply, or at the deadline, whichever comes first.
 * <pre>
 *                         request, correlation id = gather id
 *                    +--------------------------------------> venue1 --+
 *   +-----------+    +--------------------------------------> venue2 --+  context.reply(...)
 *   |  quoter   | ---+--------------------------------------> venue3 --+
 *   | [quotes]  | <------------------------------------------------------+  to quoter.quotes
 *   +-----------+
 *        rule met or deadline: one GATHER_RESULT (correlation id = gather id) to quoter:
 *        the replies, and the names of the members that did not answer
 * </pre>
 * <pre>{@code
 * .gather("quotes", g -> g.requester("quoter").members("venue1", "venue2", "venue3").quorum(2)
 *     .deadline(Duration.ofMillis(20)).maxInFlight(16))
 * }</pre>
 * The requester gets a {@link Gatherer} attachment named after the operator, with its own address
 * {@code requester.operator}; its actor finds it with {@code context.attachment("quotes", Gatherer.class)}.
 * Members are plain actors that answer with {@code context.reply(...)}. The completion rule is one of
 * {@link #all()} (the default), {@link #quorum(int)} and {@link #firstWins()}.
 * <p>
 * {@link #validate} fails, naming the operator and the fault, for: no requester or a second one, no members, a
 * member or requester that is not an actor of the topology, a member listed twice, a requester that is also a
 * member, a completion rule set twice, a quorum below 1 or above the member count, a missing, zero or negative
 * deadline, a max-in-flight or max message length below 1, a reply ring size that is not a power of two, or
 * reply slots too large to allocate.
 * <p>
 * Not thread safe: configure on one thread, as the topology builder.
 */
public final class GatherSpec implements OperatorSpec
{
    /** Gathers open per requester unless {@link #maxInFlight(int)} says otherwise. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;

    private static final int MAX_DEFAULT_REPLY_RING_SIZE = 1 << 16;

    private final String name;
    private final List<String> members = new ArrayList<>();
    private final Map<String, RemoteMembers> remoteMembers = new LinkedHashMap<>();
    private String requester;
    private String fault;
    private String rule;
    private boolean all = true;
    private int quorum;
    private Duration deadline;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private int maxMessageLength = ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH;
    private int replyRingSize;

    /** @param name of the operator, unique in its topology; also the name of the requester's attachment. */
    public GatherSpec(final String name)
    {
        this.name = name;
    }

    @Override
    public String name()
    {
        return name;
    }

    /**
     * @param actorName the actor that scatters requests and receives the results; it gets a {@link Gatherer}.
     * @return this spec.
     */
    public GatherSpec requester(final String actorName)
    {
        if (null != requester)
        {
            fault("requester is set twice: '" + requester + "' and '" + actorName + "'");
        }
        requester = actorName;
        return this;
    }

    /**
     * @param actorNames actors that each get every request and answer with {@code context.reply(...)}.
     * @return this spec.
     */
    public GatherSpec members(final String... actorNames)
    {
        Collections.addAll(members, actorNames); // a null name is refused by validate, naming its role
        return this;
    }

    /**
     * Completes when every member has replied (the default).
     *
     * @return this spec.
     */
    public GatherSpec all()
    {
        return rule("all()", true, 0);
    }

    /**
     * Adds a remote member: a ZeroMQ REP (or ROUTER) server, called over a DEALER with the RFC 28 envelope. It is
     * an address of its own named {@code memberName} (a link's port), so the result names it like a local one.
     * Give each remote server its own member: endpoints given together are one member, rotated among.
     *
     * @param memberName the member's name in results; unique among actors, addresses and members.
     * @param endpoints  {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public GatherSpec remoteMember(final String memberName, final LinkEndpoint... endpoints)
    {
        final RemoteMembers remote = new RemoteMembers();
        remote.add(endpoints);
        return addRemoteMember(memberName, remote);
    }

    /**
     * As {@link #remoteMember(String, LinkEndpoint...)}, served with CURVE.
     *
     * @param memberName the member's name in results; unique among actors, addresses and members.
     * @param security   CURVE for the member's link: {@link LinkSecurity#curveClient} (own key file and the
     *                   server's public key) for a server that binds, or {@link LinkSecurity#curveServer}.
     * @param endpoints  {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public GatherSpec remoteMember(final String memberName, final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        final RemoteMembers remote = new RemoteMembers();
        remote.add(security, endpoints);
        return addRemoteMember(memberName, remote);
    }

    private GatherSpec addRemoteMember(final String memberName, final RemoteMembers remote)
    {
        if (null != remoteMembers.putIfAbsent(memberName, remote))
        {
            fault("remote member '" + memberName + "' is declared twice");
        }
        return this;
    }

    /**
     * Completes when {@code replies} members have replied.
     *
     * @param replies the quorum, from 1 to the member count.
     * @return this spec.
     */
    public GatherSpec quorum(final int replies)
    {
        return rule("quorum(" + replies + ")", false, replies);
    }

    /**
     * Completes on the first reply.
     *
     * @return this spec.
     */
    public GatherSpec firstWins()
    {
        return rule("firstWins()", false, 1);
    }

    /**
     * @param deadline how long after its scatter a gather completes whatever has come in; required, more than
     *                 zero.
     * @return this spec.
     */
    public GatherSpec deadline(final Duration deadline)
    {
        this.deadline = deadline;
        return this;
    }

    /**
     * @param maxInFlight most gathers open at once; one more is refused with {@code BACK_PRESSURED}.
     * @return this spec.
     */
    public GatherSpec maxInFlight(final int maxInFlight)
    {
        this.maxInFlight = maxInFlight;
        return this;
    }

    /**
     * @param maxMessageLength largest reply accepted, in bytes; 1024 by default. Requests are limited by the
     *                         members' mailboxes.
     * @return this spec.
     */
    public GatherSpec maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * @param replyRingSize slots in the requester's reply mailbox, a power of two; by default twice what every
     *                      member of every open gather answering needs (up to 65536). A reply that finds it full
     *                      is refused to the member with {@code BACK_PRESSURED}, counted as back-pressured on the
     *                      requester's address, and the member counts as not answering.
     * @return this spec.
     */
    public GatherSpec replyRingSize(final int replyRingSize)
    {
        this.replyRingSize = replyRingSize;
        return this;
    }

    @Override
    public void validate(final TopologyView topology)
    {
        final String operator = "gather '" + name + "'";
        if (null != fault)
        {
            throw new ConfigurationException(operator + ": " + fault);
        }
        if (null == requester)
        {
            throw new ConfigurationException(operator + ": no requester; name one with requester(...)");
        }
        topology.requireActor(operator, "requester", requester);
        final int memberCount = members.size() + remoteMembers.size();
        if (0 == memberCount)
        {
            throw new ConfigurationException(operator + ": no members; name them with members(...)");
        }
        final Set<String> seen = new HashSet<>();
        for (final String member : members)
        {
            topology.requireActor(operator, "member", member);
            if (member.equals(requester))
            {
                throw new ConfigurationException(operator + ": '" + member + "' is both the requester and a member");
            }
            if (!seen.add(member))
            {
                throw new ConfigurationException(operator + ": member '" + member + "' is listed twice");
            }
        }
        for (final Map.Entry<String, RemoteMembers> remote : remoteMembers.entrySet())
        {
            remote.getValue().validate(operator + " remote member '" + remote.getKey() + "'");
            if (!seen.add(remote.getKey()))
            {
                throw new ConfigurationException(operator + ": member '" + remote.getKey() + "' is listed twice");
            }
        }
        if (!all && (quorum < 1 || quorum > memberCount))
        {
            throw new ConfigurationException(operator + ": " + rule + " must be between 1 and the member count "
                + memberCount);
        }
        if (null == deadline)
        {
            throw new ConfigurationException(operator + ": no deadline; every gather needs one");
        }
        if (deadline.isZero() || deadline.isNegative())
        {
            throw new ConfigurationException(operator + ": deadline " + deadline + " must be more than zero");
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
        if ((maxInFlight + 1L) * memberCount * maxMessageLength > Integer.MAX_VALUE)
        {
            throw new ConfigurationException(operator + ": reply slots of (max in flight " + maxInFlight
                + " + 1) x " + memberCount + " members x max message length " + maxMessageLength
                + " bytes exceed 2 GiB");
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
        for (final Map.Entry<String, RemoteMembers> remote : remoteMembers.entrySet())
        {
            runtime.link(remote.getValue().link(remote.getKey(), LinkShape.REQUEST)
                .port(replyRingSize(), maxMessageLength));
        }
    }

    @Override
    public void configure(final String actorName, final ActorOptions options)
    {
        if (actorName.equals(requester))
        {
            final List<String> allMembers = new ArrayList<>(members);
            allMembers.addAll(remoteMembers.keySet());
            final int needed = all ? allMembers.size() : quorum;
            final Gatherer gatherer = new Gatherer(
                allMembers.toArray(new String[0]), needed, deadline.toNanos(), maxInFlight, maxMessageLength);
            options.attachWithAddress(name, gatherer, replyRingSize(), maxMessageLength);
        }
    }

    private GatherSpec rule(final String rule, final boolean all, final int quorum)
    {
        if (null != this.rule)
        {
            fault("completion rule is set twice: " + this.rule + " and " + rule);
        }
        this.rule = rule;
        this.all = all;
        this.quorum = quorum;
        return this;
    }

    private void fault(final String fault)
    {
        if (null == this.fault)
        {
            this.fault = fault;
        }
    }

    private int replyRingSize()
    {
        if (0 != replyRingSize)
        {
            return replyRingSize;
        }
        // Twice the replies that can be outstanding: a mailbox frees the slots of a batch only when the whole
        // batch has been handled, and each result handled may scatter a new gather whose replies arrive meanwhile.
        final long repliesPerWindow = 2L * (maxInFlight + 1L) * (members.size() + remoteMembers.size());
        final long wanted = Math.min(MAX_DEFAULT_REPLY_RING_SIZE, Math.max(2, repliesPerWindow));
        return BitUtil.findNextPositivePowerOfTwo((int)wanted);
    }
}
