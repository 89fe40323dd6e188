package io.ringway.runtime.endpoint;

/**
 * What a link does on the wire, named by its semantics so that the runtime knows neither ZeroMQ nor the
 * operators. The transport maps each shape to a socket kind and a frame layout (see {@code docs/WIRE.md}).
 */
public enum LinkShape
{
    /** Outbound, {@code [topic][body]}: every peer gets each message whose topic starts with one of its prefixes. */
    PUBLISH(false, true),
    /** Inbound, {@code [topic][body]}: messages from the peers it is linked to, filtered by its prefixes. */
    SUBSCRIBE(true, false),
    /** Outbound, {@code [body]}: each message goes to exactly one peer, in turn among the peers with room. */
    DISTRIBUTE(false, true),
    /** Inbound, {@code [body]}: messages from any peer, fairly queued. */
    COLLECT(true, false),
    /** Both ways, {@code [body]}: one peer only; a second one is refused. */
    EXCLUSIVE(true, true),
    /**
     * Serves requests, RFC 28: each request {@code [envelope...][empty][body]} comes in from any peer; each reply
     * that comes back to the link's port with the request's correlation id goes to that peer, envelope restored.
     */
    REPLY(true, true),
    /**
     * Sends requests to the peers in turn, RFC 28; each reply comes back by its envelope to the address that sent
     * the request, with the request's correlation id. The inbound side needs no target: the envelope names it.
     */
    REQUEST(false, true),
    /**
     * Both ways, a ZeroMQ ROUTER: each message in is {@code [routing id][body]} from the peer with that routing id
     * and arrives as topic = routing id, body = body; each message out has the routing id of the peer it goes to
     * as its topic. A message for a peer that is not connected is refused and counted, never dropped silently.
     * When a peer that has sent something leaves, a message of type {@link #PEER_LEFT_TYPE} with its routing id as
     * topic and an empty body follows its last message.
     */
    ROUTE(true, true),
    /**
     * Both ways, a ZeroMQ DEALER, {@code [body]}: messages out go to the peers in turn, messages in come from any
     * of them; the link's routing id ({@link LinkSpec#routingId}) names it at a ROUTER peer.
     */
    DEAL(true, true);

    /** The message type of a {@link #ROUTE} link's notice that a peer left. */
    public static final int PEER_LEFT_TYPE = Integer.MIN_VALUE + 1;

    private final boolean inbound;
    private final boolean outbound;

    LinkShape(final boolean inbound, final boolean outbound)
    {
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /** @return true if messages come in from the wire into the runtime. */
    public boolean inbound()
    {
        return inbound;
    }

    /** @return true if messages go out from the runtime onto the wire. */
    public boolean outbound()
    {
        return outbound;
    }
}
