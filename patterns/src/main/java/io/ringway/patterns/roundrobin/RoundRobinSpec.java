package io.ringway.patterns.roundrobin;

import io.ringway.patterns.OperatorSpec;
import io.ringway.patterns.TopologyView;
import io.ringway.runtime.ActorOptions;
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

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void validate(final TopologyView topology)
    {
        final String where = "round-robin '" + name + "'";
        if (senders.isEmpty())
        {
            throw new ConfigurationException(where + ": has no senders");
        }
        if (workers.isEmpty())
        {
            throw new ConfigurationException(where + ": has no workers");
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
    public void configure(final String actorName, final ActorOptions options)
    {
        if (senders.contains(actorName))
        {
            options.attach(name, new RoundRobinSender(name, workers, strategy, keyFunction));
        }
    }
}
