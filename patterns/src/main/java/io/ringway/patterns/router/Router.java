package io.ringway.patterns.router;

import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The router's side of a router/dealer, attached to the router actor under the operator's name: it sends to a
 * dealer by identity and tells which dealer sent a message the router received. Identities are the dealers'
 * positions in the declaration, from 0: resolve a name once with {@link #identity(String)} on the control plane,
 * or read the sender of a message with {@link #identityOf(int)}, then {@link #offer} on the hot path.
 * <p>
 * Like a ZeroMQ ROUTER with {@code ROUTER_MANDATORY}, nothing is dropped silently. Result codes of {@code offer}
 * and {@code tryClaim}: a position ({@code >= 0}) on success, else
 * <ul>
 *     <li>{@link SendResult#UNROUTABLE}: the identity is no dealer's (e.g. {@link #NO_IDENTITY}, the identity of
 *     a sender that is not a dealer); nothing was sent, and {@link #unroutable()} counts it;</li>
 *     <li>{@link SendResult#BACK_PRESSURED}: the dealer's mailbox is full, the ZeroMQ {@code EAGAIN}; try again
 *     later;</li>
 *     <li>{@link SendResult#CLOSED}: the dealer has stopped, or the runtime is closed;</li>
 *     <li>{@link SendResult#MESSAGE_TOO_LARGE}, {@link SendResult#NOT_SINGLE_PRODUCER}: from the dealer's mailbox;
 *     for a remote dealer, a body over the link's largest message ({@link RouterSpec#linkCapacity}), counted as
 *     dropped on the router's attachment address ({@code <router>.<op>});</li>
 *     <li>{@link SendResult#NOT_CONNECTED}: the attachment has not started (never seen by actor code).</li>
 * </ul>
 * Messages are sent as the router actor, so the dealer's {@link Dealer#isFromRouter} is true and the actor's
 * {@code sent} counter counts them. {@code context.reply} from the router's handler also reaches the dealer that
 * sent the message being handled.
 * <p>
 * <b>Remote dealers</b> (plain ZeroMQ DEALERs, {@link RouterSpec#remoteDealers}) come in through the attachment's
 * own address, from a ROUTER link, and are handed to the router actor like any message, with the link's port as
 * sender. A remote dealer becomes known with its first message: {@link #identityOf(Header)} gives its identity
 * (from {@link #dealerCount()} up), {@link #remoteIdentity(String)} finds it by routing id, {@link #routingId(int)}
 * names it. When it leaves (its connection closes) it becomes unknown: sending to its identity is
 * {@code UNROUTABLE}, counted, as for any identity that names nobody. A message already on its way when it left is
 * refused by the link ({@code ROUTER_MANDATORY}) and counted there ({@code ZmqLink.unroutable()}). Remote
 * dealers are sent to with {@code offer} or {@code tryClaim}, with the same codes as local ones; a claim's body
 * goes after the routing id, which the claim hides. {@code context.reply} does not reach a remote dealer: the
 * message being handled came from the link's port, and a reply to the port carries no routing id, so the link
 * refuses it and counts it ({@code ZmqLink.unroutable()}); answer with {@code offer(identityOf(header), ...)}.
 * <p>
 * Thread safety: {@link #unroutable()} from any thread; everything else on the router actor's dispatcher thread
 * only. The hot path allocates nothing.
 */
public final class Router implements Attachment
{
    /** The identity of a sender that is not a dealer of this router; sending to it is {@code UNROUTABLE}. */
    public static final int NO_IDENTITY = -1;

    private final String operatorName;
    private final String[] dealerNames;
    private final ActorRef[] dealers;
    private final String remotePortName;
    private final int maxRemoteLength;
    private final RemoteDealerTable remoteDealers;
    private final SlotClaim claim = new SlotClaim();
    private int[] identityBySenderId = new int[0];
    private AttachmentContext context;
    private ActorContext actor;
    private ActorRef remotePort;
    private int currentRemote = NO_IDENTITY;
    private AtomicCounter unroutable;
    private AtomicCounter remoteOverCapacity;

    /**
     * @param operatorName the router/dealer's name, for messages.
     * @param dealerNames  the dealers; each one's position is its identity.
     */
    Router(final String operatorName, final List<String> dealerNames)
    {
        this(operatorName, dealerNames, null, 0, 0);
    }

    /**
     * @param operatorName       the router/dealer's name, for messages.
     * @param dealerNames        the local dealers; each one's position is its identity.
     * @param remotePortName     the port of the ROUTER link to the remote dealers, or null for none.
     * @param maxRemoteDealers   most remote dealers known at once.
     * @param maxRemoteLength    largest body to a remote dealer, in bytes (the routing id comes on top).
     */
    Router(
        final String operatorName,
        final List<String> dealerNames,
        final String remotePortName,
        final int maxRemoteDealers,
        final int maxRemoteLength)
    {
        this.operatorName = operatorName;
        this.dealerNames = dealerNames.toArray(new String[0]);
        this.dealers = new ActorRef[this.dealerNames.length];
        this.remotePortName = remotePortName;
        this.maxRemoteLength = maxRemoteLength;
        this.remoteDealers = null == remotePortName ? null :
            new RemoteDealerTable(this.dealerNames.length, maxRemoteDealers);
    }

    @Override
    public void onStart(final AttachmentContext context)
    {
        int maxSenderId = -1;
        for (int i = 0; i < dealers.length; i++)
        {
            dealers[i] = context.actor().lookup(dealerNames[i]);
            maxSenderId = Math.max(maxSenderId, dealers[i].id());
        }
        final int[] identityBySenderId = new int[maxSenderId + 1];
        Arrays.fill(identityBySenderId, NO_IDENTITY);
        for (int i = 0; i < dealers.length; i++)
        {
            identityBySenderId[dealers[i].id()] = i;
        }
        this.identityBySenderId = identityBySenderId;
        this.context = context;
        this.actor = context.actor();
        this.unroutable = context.newCounter("unroutable");
        if (null != remotePortName)
        {
            remotePort = context.actor().lookup(remotePortName);
            remoteOverCapacity = context.newCounter("remote dealers over capacity");
        }
    }

    /**
     * A message from the ROUTER link: {@code [routing id][body]} from a remote dealer, handed to the router actor
     * with that dealer's identity; or the notice that a remote dealer left, which makes it unknown. A message
     * from a new dealer when {@code maxRemoteDealers} are known is dropped and counted, as is anything sent to
     * this address by another sender.
     */
    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (header.senderId() != remotePort.id() || 0 == header.topicLength())
        {
            context.counters().onDropped(1); // only the link may write here, and always with a routing id
            return;
        }
        final int idLength = header.topicLength();
        final int idOffset = offset - idLength;
        if (header.messageType() == LinkShape.PEER_LEFT_TYPE)
        {
            remoteDealers.remove(buffer, idOffset, idLength);
            return;
        }
        final int identity = remoteDealers.findOrAdd(buffer, idOffset, idLength);
        if (NO_IDENTITY == identity)
        {
            remoteOverCapacity.incrementRelease();
            context.counters().onDropped(1);
            return;
        }
        currentRemote = identity;
        try
        {
            context.deliver(buffer, offset, length, header);
        }
        finally
        {
            currentRemote = NO_IDENTITY;
        }
    }

    /**
     * Resolves a dealer's name to its identity. Control plane: look it up once, keep the int.
     *
     * @param dealerName a dealer of this router.
     * @return its identity, from 0 to {@link #dealerCount()} - 1.
     * @throws IllegalArgumentException if no dealer of this router has that name.
     */
    public int identity(final String dealerName)
    {
        for (int i = 0; i < dealerNames.length; i++)
        {
            if (dealerNames[i].equals(dealerName))
            {
                return i;
            }
        }
        throw new IllegalArgumentException("router/dealer '" + operatorName + "': '" + dealerName
            + "' is not a dealer; dealers are " + Arrays.toString(dealerNames));
    }

    /**
     * @param senderId {@code header.senderId()} of a message the router received.
     * @return the identity of the dealer that sent it, or {@link #NO_IDENTITY} if a non-dealer sent it.
     */
    public int identityOf(final int senderId)
    {
        if (null != remotePort && senderId == remotePort.id())
        {
            return currentRemote;
        }
        final int[] identityBySenderId = this.identityBySenderId;
        return senderId >= 0 && senderId < identityBySenderId.length ? identityBySenderId[senderId] : NO_IDENTITY;
    }

    /**
     * @param header of a message the router received.
     * @return the identity of the dealer that sent it, or {@link #NO_IDENTITY} if a non-dealer sent it.
     */
    public int identityOf(final Header header)
    {
        return identityOf(header.senderId());
    }

    /**
     * Sends a copy of a message to one dealer, with message type 0 and no correlation id.
     *
     * @param identity the dealer's identity.
     * @param buffer   holding the message.
     * @param offset   of the message.
     * @param length   of the message.
     * @return a position, or a negative {@link SendResult} code as listed in the class comment.
     */
    public long offer(final int identity, final DirectBuffer buffer, final int offset, final int length)
    {
        return offer(identity, 0, 0, buffer, offset, length);
    }

    /**
     * Sends a copy of a message to one dealer.
     *
     * @param identity      the dealer's identity.
     * @param messageType   the application's message type.
     * @param correlationId 0 for none.
     * @param buffer        holding the message.
     * @param offset        of the message.
     * @param length        of the message.
     * @return a position, or a negative {@link SendResult} code as listed in the class comment.
     */
    public long offer(
        final int identity,
        final int messageType,
        final long correlationId,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        if (null == actor)
        {
            return SendResult.NOT_CONNECTED;
        }
        if (identity >= 0 && identity < dealers.length)
        {
            return actor.send(dealers[identity], messageType, correlationId, buffer, offset, length);
        }
        final byte[] routingId = null == remoteDealers ? null : remoteDealers.routingId(identity);
        if (null == routingId)
        {
            return refuseUnroutable();
        }
        if (length > maxRemoteLength)
        {
            return refuseTooLarge();
        }
        return offerRemote(routingId, messageType, correlationId, buffer, offset, length);
    }

    private long offerRemote(
        final byte[] routingId,
        final int messageType,
        final long correlationId,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final SlotClaim claim = this.claim;
        final long result = actor.tryClaim(remotePort, routingId.length + length, claim);
        if (result >= 0)
        {
            claim.prefixTopic(routingId).buffer().putBytes(0, buffer, offset, length);
            claim.messageType(messageType).correlationId(correlationId);
            claim.commit();
        }
        return result;
    }

    /**
     * Claims a slot in one dealer's mailbox to encode a message in place; on success {@code commit()} or
     * {@code abort()} the claim. For a remote dealer the slot is in the link's port, with the dealer's routing id
     * already written before the body as its topic: the claim's buffer shows the body at {@code [0, length)} as
     * for a local dealer, and its topic cannot be set. Same codes as {@link #offer}.
     *
     * @param identity the dealer's identity.
     * @param length   bytes to claim.
     * @param claim    filled in on success.
     * @return a position, or a negative {@link SendResult} code as listed in the class comment.
     */
    public long tryClaim(final int identity, final int length, final SlotClaim claim)
    {
        if (null == actor)
        {
            return SendResult.NOT_CONNECTED;
        }
        if (identity >= 0 && identity < dealers.length)
        {
            return actor.tryClaim(dealers[identity], length, claim);
        }
        final byte[] routingId = null == remoteDealers ? null : remoteDealers.routingId(identity);
        if (null == routingId)
        {
            return refuseUnroutable();
        }
        if (length > maxRemoteLength)
        {
            return refuseTooLarge();
        }
        // the link's port takes [routing id][body]: the claim shows the caller the body only
        final long result = actor.tryClaim(remotePort, routingId.length + length, claim);
        if (result >= 0)
        {
            claim.prefixTopic(routingId);
        }
        return result;
    }

    /**
     * The port has room for the longest routing id, so a body over the link's limit with a short one would fit it,
     * then be refused past the wire, where the sender cannot see it: refused here, as a local dealer's mailbox does.
     */
    private long refuseTooLarge()
    {
        context.counters().onDropped(1);
        return SendResult.MESSAGE_TOO_LARGE;
    }

    private long refuseUnroutable()
    {
        unroutable.incrementRelease();
        return SendResult.UNROUTABLE;
    }

    /**
     * @return sends refused as {@code UNROUTABLE} so far, also in the counters file as
     * {@code actor <router>: unroutable}. Any thread.
     */
    public long unroutable()
    {
        return null == unroutable ? 0 : unroutable.get();
    }

    /**
     * @param routingId a remote dealer's ZeroMQ routing id, as UTF-8. Control plane: allocates.
     * @return the identity of the connected remote dealer with that routing id that has sent at least one message,
     * or {@link #NO_IDENTITY}.
     */
    public int remoteIdentity(final String routingId)
    {
        return null == remoteDealers ? NO_IDENTITY : remoteDealers.find(routingId);
    }

    /**
     * @param identity a remote dealer's identity.
     * @return its routing id, or null if the identity names no remote dealer known now. Allocates.
     */
    public String routingId(final int identity)
    {
        final byte[] routingId = null == remoteDealers ? null : remoteDealers.routingId(identity);
        return null == routingId ? null : new String(routingId, StandardCharsets.UTF_8);
    }

    /** @return remote dealers known now. */
    public int remoteDealerCount()
    {
        return null == remoteDealers ? 0 : remoteDealers.count();
    }

    /** @return the number of local dealers; their identities run from 0 to this - 1. */
    public int dealerCount()
    {
        return dealerNames.length;
    }

    /**
     * @param identity a dealer's identity.
     * @return its actor's name.
     * @throws IndexOutOfBoundsException if no dealer has that identity.
     */
    public String dealerName(final int identity)
    {
        return dealerNames[identity];
    }
}
