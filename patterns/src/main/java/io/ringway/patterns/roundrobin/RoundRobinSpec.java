package io.ringway.patterns.roundrobin;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A round-robin (ZeroMQ PUSH/PULL, RFC 30): each message from a sender goes to exactly one worker.
 * <pre>
 *   strategyA --[RoundRobinSender]--+---&gt; risk1 mailbox
 *                                    \ /
 *                                     X      each sender picks one worker per message,
 *                                    / \     with its own turn (no shared state)
 *   strategyB --[RoundRobinSender]--+---&gt; risk2 mailbox
 * </pre>
 * Declared in a topology as
 * <pre>{@code
 * .roundRobin("orders", rr -> rr.senders("strategyA", "strategyB").workers("risk1", "risk2")
 *     .strategy(RoundRobinStrategy.KEY_AFFINITY).key((buffer, offset, length) -> buffer.getLong(offset)))
 * }</pre>
 * Each sender gets a {@link RoundRobinSender} attachment named after the operator; its actor finds it with
 * {@code context.attachment("orders", RoundRobinSender.class)}. Workers are plain actors: they receive in their
 * own mailbox, with the sender as {@code header.senderId()}. The {@link RoundRobinStrategy} decides which worker and
 * when a send is {@code BACK_PRESSURED}; the default is {@link RoundRobinStrategy#ROTATION}.
 * <p>
 * Build fails, naming the operator and the fault, when: there is no sender or no worker; a member is not an
 * actor of the topology; a name appears twice, or as both sender and worker; the strategy is null;
 * {@link RoundRobinStrategy#KEY_AFFINITY} has no key function, or another strategy has one.
 * <p>
 * Not thread safe: declare on one thread.
 */
public final class RoundRobinSpec implements OperatorSpec
{
    private final String name;
    private final List<String> senders = new ArrayList<>();
    private final List<String> workers = new ArrayList<>();
    private RoundRobinStrategy strategy = RoundRobinStrategy.ROTATION;
    private KeyFunction keyFunction;
    private final RemoteMembers remoteWorkers = new RemoteMembers();
    private final RemoteMembers remoteSenders = new RemoteMembers();
    private int remotePortSize = ActorOptions.DEFAULT_RING_SIZE;
    private int remoteMaxMessageLength = ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH;

    /** @param name of the operator, unique in its topology; the senders' attachments carry it. */
    public RoundRobinSpec(final String name)
    {
        this.name = name;
    }

    /**
     * @param actorNames actors that send through this round-robin; may be called again to add more.
     * @return this spec.
     */
    public RoundRobinSpec senders(final String... actorNames)
    {
        senders.addAll(Arrays.asList(actorNames));
        return this;
    }

    /**
     * @param actorNames actors that receive the messages, in the order of the rotation; may be called again to
     *                   add more.
     * @return this spec.
     */
    public RoundRobinSpec workers(final String... actorNames)
    {
        workers.addAll(Arrays.asList(actorNames));
        return this;
    }

    /**
     * @param strategy how each sender picks a worker; {@link RoundRobinStrategy#ROTATION} by default.
     * @return this spec.
     */
    public RoundRobinSpec strategy(final RoundRobinStrategy strategy)
    {
        this.strategy = strategy;
        return this;
    }

    /**
     * @param keyFunction reads a message's key, for {@link RoundRobinStrategy#KEY_AFFINITY}; it runs on every send and
     *                    must
     *                    not allocate.
     * @return this spec.
     */
    public RoundRobinSpec key(final KeyFunction keyFunction)
    {
        this.keyFunction = keyFunction;
        return this;
    }

    /**
     * Adds remote workers: ZeroMQ PULL peers that get {@code [body]} frames. Together they are one worker of the
     * rotation, an address named {@code <operator>~workers} whose mailbox the link empties onto the wire; among
     * themselves ZeroMQ's PUSH rotates. While no remote worker is connected, or every one is at its high-water
     * mark, that address fills and senders get {@code BACK_PRESSURED} from it.
     *
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}; may be called again to add more.
     * @return this spec.
     */
    public RoundRobinSpec remoteWorkers(final LinkEndpoint... endpoints)
    {
        remoteWorkers.add(endpoints);
        return this;
    }

    /**
     * As {@link #remoteWorkers(LinkEndpoint...)}, served with CURVE.
     *
     * @param security  CURVE for the link: {@link LinkSecurity#curveServer} (secret key file and the clients'
     *                  public keys allowed) or {@link LinkSecurity#curveClient} (own key file and the server's
     *                  public key). Every call for this role must give the same.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public RoundRobinSpec remoteWorkers(final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        remoteWorkers.add(security, endpoints);
        return this;
    }

    /**
     * Adds remote senders: ZeroMQ PUSH peers whose {@code [body]} messages go to the local workers. Each local
     * worker gets a link of its own to the endpoints, so the remote PUSH rotates among the local workers as among
     * any PULL peers. Binding therefore needs exactly one local worker; with several, connect them.
     *
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}; may be called again to add more.
     * @return this spec.
     */
    public RoundRobinSpec remoteSenders(final LinkEndpoint... endpoints)
    {
        remoteSenders.add(endpoints);
        return this;
    }

    /**
     * As {@link #remoteSenders(LinkEndpoint...)}, served with CURVE.
     *
     * @param security  CURVE for the link: {@link LinkSecurity#curveServer} (secret key file and the clients'
     *                  public keys allowed) or {@link LinkSecurity#curveClient} (own key file and the server's
     *                  public key). Every call for this role must give the same.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public RoundRobinSpec remoteSenders(final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        remoteSenders.add(security, endpoints);
        return this;
    }

    /**
     * @param ringSize         slots in the remote workers' address, a power of two.
     * @param maxMessageLength largest message sent to them.
     * @param limits           linger, handshake, heartbeats and high-water mark of the remote links.
     * @return this spec.
     */
    public RoundRobinSpec remoteLinks(final int ringSize, final int maxMessageLength, final LinkLimits limits)
    {
        this.remotePortSize = ringSize;
        this.remoteMaxMessageLength = maxMessageLength;
        remoteWorkers.limits(limits);
        remoteSenders.limits(limits);
        return this;
    }

    /**
     * @param idle how the remote links' threads wait for work ({@code LinkSpec.idle}): {@link Idle#BACKOFF} by
     *             default; {@link Idle#BUSY_SPIN} or {@link Idle#YIELDING} for latency with a core free per link.
     * @return this spec.
     */
    public RoundRobinSpec linkIdle(final Idle idle)
    {
        remoteWorkers.idle(idle);
        remoteSenders.idle(idle);
        return this;
    }

    /** @return the address of the remote workers, {@code <operator>~workers}. */
    public String remoteWorkersAddress()
    {
        return name + "~workers";
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void validate(final TopologyView topology)
    {
        final String where = "round-robin '" + name + "'";
        if (senders.isEmpty() && remoteSenders.isEmpty())
        {
            throw new ConfigurationException(where + ": has no senders");
        }
        if (workers.isEmpty() && remoteWorkers.isEmpty())
        {
            throw new ConfigurationException(where + ": has no workers");
        }
        remoteWorkers.validate(where + " remote workers");
        remoteSenders.validate(where + " remote senders");
        if (!remoteSenders.isEmpty() && workers.isEmpty())
        {
            throw new ConfigurationException(where + ": remote senders need a local worker");
        }
        if (remoteSenders.anyBound() && workers.size() > 1)
        {
            throw new ConfigurationException(where + ": remote senders on a bound endpoint reach one link, but there "
                + "are " + workers.size() + " local workers; connect them to the senders' endpoints instead");
        }
        final Set<String> members = new HashSet<>();
        requireDistinctActors(topology, where, "sender", senders, members);
        requireDistinctActors(topology, where, "worker", workers, members);
        if (null == strategy)
        {
            throw new ConfigurationException(where + ": strategy is null");
        }
        if (strategy == RoundRobinStrategy.KEY_AFFINITY && null == keyFunction)
        {
            throw new ConfigurationException(where + ": strategy KEY_AFFINITY needs a key function");
        }
        if (strategy != RoundRobinStrategy.KEY_AFFINITY && null != keyFunction)
        {
            throw new ConfigurationException(where + ": a key function is only used by strategy KEY_AFFINITY, "
                + "not " + strategy);
        }
    }

    private static void requireDistinctActors(
        final TopologyView topology,
        final String where,
        final String role,
        final List<String> names,
        final Set<String> members)
    {
        for (final String actorName : names)
        {
            if (null == actorName)
            {
                throw new ConfigurationException(where + ": a " + role + " name is null");
            }
            topology.requireActor(where, role, actorName);
            if (!members.add(actorName))
            {
                throw new ConfigurationException(where + ": " + role + " '" + actorName
                    + "' is named twice; an actor is one sender or one worker");
            }
        }
    }

    @Override
    public void declare(final RingwayBuilder runtime)
    {
        if (!remoteWorkers.isEmpty())
        {
            runtime.link(remoteWorkers.link(remoteWorkersAddress(), LinkShape.DISTRIBUTE)
                .port(remotePortSize, remoteMaxMessageLength));
        }
        if (!remoteSenders.isEmpty())
        {
            for (final String worker : workers)
            {
                runtime.link(remoteSenders.link(name + "~senders~" + worker, LinkShape.COLLECT).deliverTo(worker));
            }
        }
    }

    @Override
    public void configure(final String actorName, final ActorOptions options)
    {
        if (senders.contains(actorName))
        {
            final List<String> allWorkers = new ArrayList<>(workers);
            if (!remoteWorkers.isEmpty())
            {
                allWorkers.add(remoteWorkersAddress());
            }
            options.attach(name, new RoundRobinSender(name, allWorkers, strategy, keyFunction));
        }
    }
}
