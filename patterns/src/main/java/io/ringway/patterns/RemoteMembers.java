package io.ringway.patterns;

import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.LinkDirection;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkSecurity;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.errors.ConfigurationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The remote members of one role of an operator: the endpoints its side binds or connects (several at once,
 * mixing both), the bounds of the link that carries them, how its thread waits for work, and its CURVE security,
 * if any. An operator turns it into a {@link LinkSpec} when it declares its runtime resources; the transport
 * module serves the link.
 * <p>
 * Not thread safe: declare on one thread.
 */
public final class RemoteMembers
{
    private final List<LinkEndpoint> endpoints = new ArrayList<>();
    private LinkLimits limits = LinkLimits.DEFAULTS;
    private Idle idle = Idle.BACKOFF;
    private LinkSecurity security;
    private boolean securityConflict;

    /**
     * @param endpoints to add, made with {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     */
    public void add(final LinkEndpoint... endpoints)
    {
        for (final LinkEndpoint endpoint : endpoints)
        {
            this.endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
        }
    }

    /**
     * Adds endpoints served with CURVE: all of the role's endpoints share one link, so every call for a role must
     * give the same security (a different one fails {@link #validate}).
     *
     * @param security  {@link LinkSecurity#curveServer} (secret key file and the clients' public keys allowed) or
     *                  {@link LinkSecurity#curveClient} (own key file and the server's public key).
     * @param endpoints to add, made with {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     */
    public void add(final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        Objects.requireNonNull(security, "security");
        if (null != this.security && !this.security.equals(security))
        {
            securityConflict = true;
        }
        this.security = security;
        add(endpoints);
    }

    /** @return the role's CURVE security, or null for plain ZMTP. */
    public LinkSecurity security()
    {
        return security;
    }

    /** @param limits the link's bounds; {@link LinkLimits#DEFAULTS} by default. */
    public void limits(final LinkLimits limits)
    {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param idle how the link's thread waits for work ({@link LinkSpec#idle(Idle)}); {@link Idle#BACKOFF} by
     *             default.
     */
    public void idle(final Idle idle)
    {
        this.idle = Objects.requireNonNull(idle, "idle");
    }

    /** @return true if no endpoint was declared: the role has no remote members. */
    public boolean isEmpty()
    {
        return endpoints.isEmpty();
    }

    /** @return true if any endpoint is bound. */
    public boolean anyBound()
    {
        return endpoints.stream().anyMatch(endpoint -> endpoint.direction() == LinkDirection.BIND);
    }

    /** @return the endpoints, in the order declared. */
    public List<LinkEndpoint> endpoints()
    {
        return Collections.unmodifiableList(endpoints);
    }

    /**
     * @param linkName the link's name; also its port's address, when it has one.
     * @param shape    what the link does on the wire.
     * @return a link over these endpoints, with these bounds, idle strategy and security, to be completed with its
     * source or target.
     */
    public LinkSpec link(final String linkName, final LinkShape shape)
    {
        final LinkSpec link = new LinkSpec(linkName, shape).endpoints(endpoints).limits(limits).idle(idle);
        return null == security ? link : link.security(security);
    }

    /**
     * @param where names the operator and role, for the message.
     * @throws ConfigurationException if an endpoint is in-process, the role was given two different securities,
     * or its security is incomplete.
     */
    public void validate(final String where)
    {
        if (securityConflict)
        {
            throw new ConfigurationException(where + ": declared with two different CURVE securities; one link "
                + "carries all of a role's endpoints");
        }
        if (null != security)
        {
            security.validate(where);
        }
        for (final LinkEndpoint endpoint : endpoints)
        {
            if (endpoint.endpoint().isInProcess())
            {
                throw new ConfigurationException(where + ": remote endpoint " + endpoint.endpoint()
                    + " is in-process; name local members as actors");
            }
        }
        limits.validate(where);
    }
}
