package io.ringway.patterns.router;

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
 * <p>
 * Over the wire (ZeroMQ ROUTER/DEALER, see {@code docs/WIRE.md}): {@link #remoteDealers} adds plain DEALER peers,
 * served by a ROUTER link whose frames are {@code [routing id][body]}; the {@link Router} learns each one from its
 * first message and forgets it when it leaves. {@link #remoteRouter} makes the router remote instead: each local
 * dealer gets a DEALER link of its own, announcing its actor name as routing id, and talks to the ROUTER peer
 * through an address named {@code <operator>~router~<dealer>}; {@link Dealer} hides which. The links' ports accept
 * messages from their one local member only (the router, or the port's dealer): anyone else is refused with
 * {@code REFUSED} and counted as dropped on the link, as a third party is in process.
 * <p>
 * Build fails, naming the operator and the fault, when: there is no router or more than one (none with a remote
 * router); there is no dealer, local or remote; a member is not an actor of the topology; a dealer is named twice;
 * the router is also a dealer; a remote router and remote dealers are both declared.
 * <p>
 * Not thread safe: declare on one thread.
 */
public final class RouterSpec implements OperatorSpec
{
    /** Remote dealers known at once unless {@link #maxRemoteDealers(int)} says otherwise. */
    public static final int DEFAULT_MAX_REMOTE_DEALERS = 64;
    /** The longest ZeroMQ routing id. */
    static final int MAX_ROUTING_ID_LENGTH = 255;

    private final String name;
    private final List<String> routers = new ArrayList<>();
    private final List<String> dealers = new ArrayList<>();
    private final RemoteMembers remoteDealers = new RemoteMembers();
    private final RemoteMembers remoteRouter = new RemoteMembers();
    private int ringSize = ActorOptions.DEFAULT_RING_SIZE;
    private int maxMessageLength = ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH;
    private int maxRemoteDealers = DEFAULT_MAX_REMOTE_DEALERS;

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

    /**
     * Adds remote dealers: plain ZeroMQ DEALER peers, each known by its routing id, served by one ROUTER link with
     * {@code ROUTER_MANDATORY} at these endpoints. Needs the one local router.
     *
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}; may be called again to add more.
     * @return this spec.
     */
    public RouterSpec remoteDealers(final LinkEndpoint... endpoints)
    {
        remoteDealers.add(endpoints);
        return this;
    }

    /**
     * As {@link #remoteDealers(LinkEndpoint...)}, served with CURVE.
     *
     * @param security  CURVE for the link: {@link LinkSecurity#curveServer} (secret key file and the clients'
     *                  public keys allowed) or {@link LinkSecurity#curveClient} (own key file and the server's
     *                  public key). Every call for this role must give the same.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public RouterSpec remoteDealers(final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        remoteDealers.add(security, endpoints);
        return this;
    }

    /**
     * Makes the router remote: a ZeroMQ ROUTER peer at these endpoints. Each local dealer gets a DEALER link of its
     * own whose routing id is its actor name, so the ROUTER addresses each one; {@code [body]} frames both ways.
     *
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public RouterSpec remoteRouter(final LinkEndpoint... endpoints)
    {
        remoteRouter.add(endpoints);
        return this;
    }

    /**
     * As {@link #remoteRouter(LinkEndpoint...)}, served with CURVE.
     *
     * @param security  CURVE for the link: {@link LinkSecurity#curveServer} (secret key file and the clients'
     *                  public keys allowed) or {@link LinkSecurity#curveClient} (own key file and the server's
     *                  public key). Every call for this role must give the same.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public RouterSpec remoteRouter(final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        remoteRouter.add(security, endpoints);
        return this;
    }

    /**
     * @param maxRemoteDealers most remote dealers the router knows at once; messages from more are dropped and
     *                         counted. {@link #DEFAULT_MAX_REMOTE_DEALERS} by default.
     * @return this spec.
     */
    public RouterSpec maxRemoteDealers(final int maxRemoteDealers)
    {
        this.maxRemoteDealers = maxRemoteDealers;
        return this;
    }

    /**
     * @param ringSize         slots in each link's port and in the router's address for remote dealers.
     * @param maxMessageLength largest body over the wire, in bytes (a routing id comes on top).
     * @return this spec.
     */
    public RouterSpec linkCapacity(final int ringSize, final int maxMessageLength)
    {
        this.ringSize = ringSize;
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * @param limits linger, handshake, heartbeats and high-water mark of the remote links.
     * @return this spec.
     */
    public RouterSpec linkLimits(final LinkLimits limits)
    {
        remoteDealers.limits(limits);
        remoteRouter.limits(limits);
        return this;
    }

    /**
     * @param idle how the remote links' threads wait for work ({@code LinkSpec.idle}): {@link Idle#BACKOFF} by
     *             default; {@link Idle#BUSY_SPIN} or {@link Idle#YIELDING} for latency with a core free per link.
     * @return this spec.
     */
    public RouterSpec linkIdle(final Idle idle)
    {
        remoteDealers.idle(idle);
        remoteRouter.idle(idle);
        return this;
    }

    /** @return the port of the ROUTER link to the remote dealers, {@code <operator>~dealers}. */
    public String remoteDealersAddress()
    {
        return name + "~dealers";
    }

    /**
     * @param dealer a local dealer.
     * @return the address standing for the remote router to that dealer, {@code <operator>~router~<dealer>}.
     */
    public String remoteRouterAddress(final String dealer)
    {
        return name + "~router~" + dealer;
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
        if (remoteRouter.isEmpty() && routers.size() != 1)
        {
            throw new ConfigurationException(where + ": needs exactly one router, not " + routers.size() + " "
                + routers);
        }
        if (!remoteRouter.isEmpty() && !routers.isEmpty())
        {
            throw new ConfigurationException(where + ": has a remote router and local routers " + routers);
        }
        if (!remoteRouter.isEmpty() && !remoteDealers.isEmpty())
        {
            throw new ConfigurationException(where + ": has a remote router and remote dealers; the remote dealers "
                + "belong to that router");
        }
        if (dealers.isEmpty() && remoteDealers.isEmpty())
        {
            throw new ConfigurationException(where + ": has no dealers");
        }
        remoteDealers.validate(where + " remote dealers");
        remoteRouter.validate(where + " remote router");
        if (maxRemoteDealers < 1)
        {
            throw new ConfigurationException(where + ": max remote dealers " + maxRemoteDealers + " is not positive");
        }
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1 || maxMessageLength < 1)
        {
            throw new ConfigurationException(where + ": link ring size " + ringSize + " must be a power of two and "
                + "max message length " + maxMessageLength + " at least 1 byte");
        }
        final String router = remoteRouter.isEmpty() ? routers.get(0) : null;
        if (remoteRouter.isEmpty())
        {
            requireMember(topology, where, "router", router);
        }
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
    public void declare(final RingwayBuilder runtime)
    {
        if (!remoteDealers.isEmpty())
        {
            runtime.link(remoteDealers.link(remoteDealersAddress(), LinkShape.ROUTE)
                .port(ringSize, maxMessageLength + MAX_ROUTING_ID_LENGTH)
                .portAcceptsOnlyFrom(routers.get(0))
                .deliverTo(routers.get(0) + "." + name));
        }
        if (!remoteRouter.isEmpty())
        {
            for (final String dealer : dealers)
            {
                runtime.link(remoteRouter.link(remoteRouterAddress(dealer), LinkShape.DEAL)
                    .port(ringSize, maxMessageLength)
                    .routingId(dealer)
                    .portAcceptsOnlyFrom(dealer)
                    .deliverTo(dealer));
            }
        }
    }

    @Override
    public void configure(final String actorName, final ActorOptions options)
    {
        if (!remoteRouter.isEmpty())
        {
            if (dealers.contains(actorName))
            {
                options.attach(name, new Dealer(remoteRouterAddress(actorName)));
            }
            return;
        }
        final String router = routers.get(0);
        if (router.equals(actorName))
        {
            if (remoteDealers.isEmpty())
            {
                options.attach(name, new Router(name, dealers));
            }
            else
            {
                options.attachWithAddress(name,
                    new Router(name, dealers, remoteDealersAddress(), maxRemoteDealers, maxMessageLength),
                    ringSize, maxMessageLength + MAX_ROUTING_ID_LENGTH);
            }
        }
        else if (dealers.contains(actorName))
        {
            options.attach(name, new Dealer(router));
        }
    }
}
