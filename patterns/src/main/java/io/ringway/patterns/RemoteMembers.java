package io.ringway.patterns;

import io.ringway.runtime.endpoint.LinkDirection;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.errors.ConfigurationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The remote members of one role of an operator: the endpoints its side binds or connects (several at once,
 * mixing both) and the bounds of the link that carries them. An operator turns it into a {@link LinkSpec} when it
 * declares its runtime resources; the transport module serves the link.
 * <p>
 * Not thread safe: declare on one thread.
 */
public final class RemoteMembers
{
    private final List<LinkEndpoint> endpoints = new ArrayList<>();
    private LinkLimits limits = LinkLimits.DEFAULTS;

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

    /** @param limits the link's bounds; {@link LinkLimits#DEFAULTS} by default. */
    public void limits(final LinkLimits limits)
    {
        this.limits = Objects.requireNonNull(limits, "limits");
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
     * @return a link over these endpoints, with these bounds, to be completed with its source or target.
     */
    public LinkSpec link(final String linkName, final LinkShape shape)
    {
        return new LinkSpec(linkName, shape).endpoints(endpoints).limits(limits);
    }

    /**
     * @param where names the operator and role, for the message.
     * @throws ConfigurationException if an endpoint is in-process.
     */
    public void validate(final String where)
    {
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
