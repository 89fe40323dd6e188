package io.ringway.patterns.router;

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
 * A router/dealer (ZeroMQ ROUTER/DEALER with {@code ROUTER_MANDATORY}): one router that addresses its dealers by
 * identity, and dealers that send to the router, which learns who sent what.
 * <pre>
 *                 offer(identity 0) --&gt; venue1 mailbox --+
 *   sor [Router]  offer(identity 1) --&gt; venue2 mailbox   |  [Dealer].offer
 *        ^        offer(identity 7) --&gt; UNROUTABLE       |
 *        |                                                |
 *   sor mailbox &lt;------------------------------------------+
 *   identityOf(header.senderId()) == 0 (venue1), 1 (venue2) or NO_IDENTITY
 * </pre>
 * Declared in a topology as {@code .router("venues", r -> r.router("sor").dealers("venue1", "venue2"))}. The
 * router actor gets a {@link Router} attachment and each dealer a {@link Dealer}, named after the operator:
 * {@code context.attachment("venues", Router.class)}. A dealer's identity is its position in
 * {@link #dealers(String...)}, from 0. Messages go straight into the actors' own mailboxes.
 * <p>
 * Build fails, naming the operator and the fault, when: there is no router or more than one; there is no
 * dealer; a member is not an actor of the topology; a dealer is named twice; the router is also a dealer.
 * <p>
 * Not thread safe: declare on one thread.
 */
public final class RouterSpec implements OperatorSpec
{
    private final String name;
    private final List<String> routers = new ArrayList<>();
    private final List<String> dealers = new ArrayList<>();

    /** @param name of the operator, unique in its topology; the attachments carry it. */
    public RouterSpec(final String name)
    {
        this.name = name;
    }

    /**
     * @param actorName the one actor that routes; naming a second fails the build.
     * @return this spec.
     */
    public RouterSpec router(final String actorName)
    {
        routers.add(actorName);
        return this;
    }

    /**
     * @param actorNames the dealers, whose identities are their positions here, from 0; may be called again to
     *                   add more.
     * @return this spec.
     */
    public RouterSpec dealers(final String... actorNames)
    {
        dealers.addAll(Arrays.asList(actorNames));
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
        final String where = "router/dealer '" + name + "'";
        if (routers.size() != 1)
        {
            throw new ConfigurationException(where + ": needs exactly one router, not " + routers.size() + " "
                + routers);
        }
        if (dealers.isEmpty())
        {
            throw new ConfigurationException(where + ": has no dealers");
        }
        final String router = routers.get(0);
        requireMember(topology, where, "router", router);
        final Set<String> named = new HashSet<>();
        for (final String dealer : dealers)
        {
            requireMember(topology, where, "dealer", dealer);
            if (dealer.equals(router))
            {
                throw new ConfigurationException(where + ": '" + dealer + "' is both the router and a dealer");
            }
            if (!named.add(dealer))
            {
                throw new ConfigurationException(where + ": dealer '" + dealer + "' is named twice");
            }
        }
    }

    private static void requireMember(
        final TopologyView topology, final String where, final String role, final String actorName)
    {
        if (null == actorName)
        {
            throw new ConfigurationException(where + ": a " + role + " name is null");
        }
        topology.requireActor(where, role, actorName);
    }

    @Override
    public void configure(final String actorName, final ActorOptions options)
    {
        final String router = routers.get(0);
        if (router.equals(actorName))
        {
            options.attach(name, new Router(name, dealers));
        }
        else if (dealers.contains(actorName))
        {
            options.attach(name, new Dealer(router));
        }
    }
}
