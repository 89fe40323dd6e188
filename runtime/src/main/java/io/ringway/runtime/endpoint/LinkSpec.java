package io.ringway.runtime.endpoint;

import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.errors.ConfigurationException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A link as an operator declares it on the runtime ({@code RingwayBuilder.link}): its shape, its endpoints, and
 * the runtime objects it joins, by name. The runtime resolves the names when it is built and hands the
 * transport a {@link LinkRequest}.
 * <ul>
 *     <li>Outbound, from a <b>port</b> ({@link #port}): the runtime creates an address named after the link; what
 *     operators send to it goes out on the wire, with the same codes as any mailbox (a full port is
 *     {@code BACK_PRESSURED}).</li>
 *     <li>Outbound, from a <b>shared ring reader</b> ({@link #readFrom}): a remote subscriber of a fan-out.</li>
 *     <li>Inbound, to an <b>address</b> ({@link #deliverTo}: an actor or an attachment's address) or to a
 *     <b>shared ring</b> ({@link #deliverToRing}, topic kept: a remote publisher into a fan-out).</li>
 * </ul>
 * <pre>{@code
 * runtime.link(new LinkSpec("prices.remote", LinkShape.PUBLISH)
 *     .bind("tcp://127.0.0.1:5556")
 *     .readFrom("prices", "remote"));
 * }</pre>
 * Not thread safe: declare on one thread.
 */
public final class LinkSpec
{
    private final String name;
    private final LinkShape shape;
    private final List<LinkEndpoint> endpoints = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();
    private String deliverTo;
    private String deliverToRing;
    private String readRing;
    private String readReader;
    private int portRingSize;
    private int portMaxMessageLength;
    private LinkLimits limits = LinkLimits.DEFAULTS;
    private LinkSecurity security;
    private String routingId;
    private String portSender;
    private Idle idle = Idle.BACKOFF;

    /**
     * @param name  unique among the runtime's actors, addresses and links; a port's address has this name.
     * @param shape what the link does on the wire.
     */
    public LinkSpec(final String name, final LinkShape shape)
    {
        this.name = name;
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    /**
     * @param endpoint a {@code tcp://} or {@code ipc://} endpoint to listen at; may be called for several.
     * @return this spec.
     */
    public LinkSpec bind(final String endpoint)
    {
        endpoints.add(LinkEndpoint.bind(endpoint));
        return this;
    }

    /**
     * @param endpoint a {@code tcp://} or {@code ipc://} endpoint to connect to; may be called for several.
     * @return this spec.
     */
    public LinkSpec connect(final String endpoint)
    {
        endpoints.add(LinkEndpoint.connect(endpoint));
        return this;
    }

    /**
     * @param endpoints endpoints with their directions.
     * @return this spec.
     */
    public LinkSpec endpoints(final List<LinkEndpoint> endpoints)
    {
        for (final LinkEndpoint endpoint : endpoints)
        {
            this.endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
        }
        return this;
    }

    /**
     * @param addressName an actor or attachment address that inbound messages are offered to.
     * @return this spec.
     */
    public LinkSpec deliverTo(final String addressName)
    {
        this.deliverTo = addressName;
        return this;
    }

    /**
     * @param ringName a shared ring that inbound {@code [topic][body]} messages are offered to, topic kept.
     * @return this spec.
     */
    public LinkSpec deliverToRing(final String ringName)
    {
        this.deliverToRing = ringName;
        return this;
    }

    /**
     * @param ringName   a shared ring.
     * @param readerName its reader that the link polls: what it reads goes out.
     * @return this spec.
     */
    public LinkSpec readFrom(final String ringName, final String readerName)
    {
        this.readRing = ringName;
        this.readReader = readerName;
        return this;
    }

    /**
     * Gives the link an address of its own, named after the link: what is sent to it goes out.
     *
     * @param ringSize         slots, a power of two: how far senders may run ahead of the wire.
     * @param maxMessageLength largest message, in bytes; also the largest frame accepted from the wire.
     * @return this spec.
     */
    public LinkSpec port(final int ringSize, final int maxMessageLength)
    {
        this.portRingSize = ringSize;
        this.portMaxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * Makes the port exclusive, as an exclusive pair's end address is: any other sender is refused with
     * {@code REFUSED} and counted as dropped on the link. For an operator whose one local member stands behind the
     * link, so that nobody else reaches the remote members by sending to the port.
     *
     * @param addressName the one actor or attachment address that may send to the port.
     * @return this spec.
     */
    public LinkSpec portAcceptsOnlyFrom(final String addressName)
    {
        this.portSender = Objects.requireNonNull(addressName, "addressName");
        return this;
    }

    /** @return the one address that may send to the port, or null for any. */
    public String portSender()
    {
        return portSender;
    }

    /**
     * @param prefix a topic prefix an inbound {@link LinkShape#SUBSCRIBE} link asks its peers for; "" for all.
     * @return this spec.
     */
    public LinkSpec subscribe(final String prefix)
    {
        subscriptions.add(Objects.requireNonNull(prefix, "prefix"));
        return this;
    }

    /**
     * @param limits linger, handshake, heartbeat and high-water mark; {@link LinkLimits#DEFAULTS} by default.
     * @return this spec.
     */
    public LinkSpec limits(final LinkLimits limits)
    {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * How the link's thread waits when a duty cycle finds nothing to send or receive: the choice dispatchers
     * make ({@code RingwayBuilder.dispatcher(name, idle)}), with the same trade-off. A link's thread is the one
     * hop between its ring and JeroMQ's I/O thread, so how long it parks adds to the latency of a quiet link's
     * next message each way.
     * <ul>
     *     <li>{@link Idle#BACKOFF}, the default: spin, yield, then park up to 250 us (shorter than a dispatcher's
     *     1 ms park: a link is a hop on someone's path). Safe on a small machine.</li>
     *     <li>{@link Idle#BUSY_SPIN} or {@link Idle#YIELDING}: for latency, with a core free for the link's
     *     thread; each busy link burns one.</li>
     *     <li>{@link Idle#SLEEPING}: 1 ms sleeps, for links that can wait.</li>
     * </ul>
     *
     * @param idle how the link's thread waits.
     * @return this spec.
     */
    public LinkSpec idle(final Idle idle)
    {
        this.idle = Objects.requireNonNull(idle, "idle");
        return this;
    }

    /** @return how the link's thread waits for work; {@link Idle#BACKOFF} unless set. */
    public Idle idle()
    {
        return idle;
    }

    /**
     * @param security CURVE keys and, for a server, the allowed clients; none (plain ZMTP) by default.
     * @return this spec.
     */
    public LinkSpec security(final LinkSecurity security)
    {
        this.security = Objects.requireNonNull(security, "security");
        return this;
    }

    /**
     * @param routingId the routing id (ZeroMQ's {@code ZMQ_ROUTING_ID}) a {@link LinkShape#DEAL} link announces,
     *                  so that a ROUTER peer knows it by name; 1 to 255 bytes of UTF-8, not starting with a zero
     *                  byte (those are ZeroMQ's own).
     * @return this spec.
     */
    public LinkSpec routingId(final String routingId)
    {
        this.routingId = Objects.requireNonNull(routingId, "routingId");
        return this;
    }

    /** @return the routing id a {@link LinkShape#DEAL} link announces, or null for one chosen by the peer. */
    public String routingId()
    {
        return routingId;
    }

    /** @return the link's CURVE settings, or null for none. */
    public LinkSecurity security()
    {
        return security;
    }

    /**
     * Checks that the declaration is complete for its shape; names are resolved later, by the runtime.
     *
     * @throws ConfigurationException naming the link and the fault.
     */
    public void validate()
    {
        final String where = "link '" + name + "'";
        if (null == name || name.isBlank())
        {
            throw new ConfigurationException("link name must not be empty");
        }
        if (endpoints.isEmpty())
        {
            throw new ConfigurationException(where + ": has no endpoint to bind or connect");
        }
        for (final LinkEndpoint endpoint : endpoints)
        {
            if (endpoint.endpoint().isInProcess())
            {
                throw new ConfigurationException(where + ": " + endpoint + " is in-process; links carry tcp:// and "
                    + "ipc:// only");
            }
        }
        final boolean hasInbound = null != deliverTo || null != deliverToRing;
        final boolean hasOutbound = null != readRing || hasPort();
        if (null != deliverTo && null != deliverToRing)
        {
            throw new ConfigurationException(where + ": delivers to address '" + deliverTo + "' and to ring '"
                + deliverToRing + "'; pick one");
        }
        if (null != readRing && hasPort())
        {
            throw new ConfigurationException(where + ": reads ring '" + readRing + "' and has a port; pick one");
        }
        if (shape.inbound() != hasInbound || shape.outbound() != hasOutbound)
        {
            throw new ConfigurationException(where + ": shape " + shape + " needs "
                + (shape.inbound() ? "somewhere to deliver to" : "nowhere to deliver to") + " and "
                + (shape.outbound() ? "a port or a ring reader to send from" : "nothing to send from"));
        }
        if ((shape == LinkShape.REPLY || shape == LinkShape.REQUEST) && !hasPort())
        {
            throw new ConfigurationException(where + ": shape " + shape + " needs a port: requests and replies are "
                + "matched through the link's own address");
        }
        if (hasPort() && (portRingSize < 2 || Integer.bitCount(portRingSize) != 1 || portMaxMessageLength < 1))
        {
            throw new ConfigurationException(where + ": port ring size " + portRingSize + " must be a power of two "
                + "and its largest message " + portMaxMessageLength + " at least 1 byte");
        }
        if ((shape == LinkShape.ROUTE || shape == LinkShape.DEAL) && !hasPort())
        {
            throw new ConfigurationException(where + ": shape " + shape + " needs a port: what is sent to it goes "
                + "out on the wire");
        }
        if (null != portSender && !hasPort())
        {
            throw new ConfigurationException(where + ": only a port accepts from one sender ('" + portSender + "')");
        }
        if (null != routingId)
        {
            final int length = routingId.getBytes(StandardCharsets.UTF_8).length;
            if (shape != LinkShape.DEAL || length < 1 || length > 255 || routingId.charAt(0) == '\0')
            {
                throw new ConfigurationException(where + ": routing id '" + routingId + "' needs a DEAL link and 1 to "
                    + "255 bytes, not starting with a zero byte");
            }
        }
        if (shape != LinkShape.SUBSCRIBE && !subscriptions.isEmpty())
        {
            throw new ConfigurationException(where + ": only a SUBSCRIBE link subscribes to prefixes");
        }
        limits.validate(where);
        if (null != security)
        {
            security.validate(where);
        }
    }

    /** @return the link's name. */
    public String name()
    {
        return name;
    }

    /** @return what the link does on the wire. */
    public LinkShape shape()
    {
        return shape;
    }

    /** @return its endpoints, in the order declared. */
    public List<LinkEndpoint> endpoints()
    {
        return Collections.unmodifiableList(endpoints);
    }

    /** @return the address inbound messages go to, or null. */
    public String deliverTo()
    {
        return deliverTo;
    }

    /** @return the shared ring inbound messages go to, or null. */
    public String deliverToRing()
    {
        return deliverToRing;
    }

    /** @return the shared ring read for outbound messages, or null. */
    public String readRing()
    {
        return readRing;
    }

    /** @return the reader of {@link #readRing()}, or null. */
    public String readReader()
    {
        return readReader;
    }

    /** @return true if the link has an address of its own. */
    public boolean hasPort()
    {
        return portRingSize != 0 || portMaxMessageLength != 0;
    }

    /** @return slots in the port, 0 without one. */
    public int portRingSize()
    {
        return portRingSize;
    }

    /** @return the port's largest message, 0 without one. */
    public int portMaxMessageLength()
    {
        return portMaxMessageLength;
    }

    /** @return the topic prefixes of a SUBSCRIBE link; empty means everything. */
    public List<String> subscriptions()
    {
        return Collections.unmodifiableList(subscriptions);
    }

    /** @return the socket bounds. */
    public LinkLimits limits()
    {
        return limits;
    }
}
