package io.ringway.patterns.pair;

import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import org.agrona.DirectBuffer;

/**
 * One end of an exclusive pair, attached to its actor under the operator's name with an address of its own,
 * {@code actor.operator}, that accepts messages from the other end's address only. What the peer sends is
 * delivered to this end's actor, supervised like any message, with the peer end's address as
 * {@code header.senderId()} ({@link #isFromPeer(Header)} tells pair traffic from the actor's other mail).
 * <p>
 * Send to the peer with {@link #offer}, never with {@code context.reply}: a reply stamps the actor, not this end,
 * and the peer's address refuses it with {@link SendResult#REFUSED}.
 * <p>
 * Result codes of {@code offer} and {@code tryClaim}: a position ({@code >= 0}) on success, else
 * {@link SendResult#BACK_PRESSURED} (the peer's address is full; try again later), {@link SendResult#CLOSED}
 * (the runtime is closed), {@link SendResult#MESSAGE_TOO_LARGE}, or {@link SendResult#NOT_CONNECTED} before the
 * attachment has started (never seen by actor code). Refusals are counted on the peer's address
 * ({@code actor.operator} in the counters file); a third party sending into this end's address gets
 * {@link SendResult#REFUSED}, counted as dropped on this end's address.
 * <p>
 * Thread safety: none. Use it on the owning actor's dispatcher thread only. The steady state allocates nothing.
 */
public final class PairEnd implements Attachment
{
    private final String peerAddressName;
    private AttachmentContext context;
    private ActorRef peer;

    /**
     * @param peerAddressName the other end's address, {@code peerActor.operator}.
     */
    PairEnd(final String peerAddressName)
    {
        this.peerAddressName = peerAddressName;
    }

    @Override
    public void onStart(final AttachmentContext context)
    {
        this.context = context;
        this.peer = context.actor().lookup(peerAddressName);
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        context.deliver(buffer, offset, length, header);
    }

    /**
     * Sends a copy of a message to the peer, with message type 0 and no correlation id.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return a position, or a negative {@link SendResult} code as listed in the class comment.
     */
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return offer(0, 0, buffer, offset, length);
    }

    /**
     * Sends a copy of a message to the peer.
     *
     * @param messageType   the application's message type.
     * @param correlationId 0 for none.
     * @param buffer        holding the message.
     * @param offset        of the message.
     * @param length        of the message.
     * @return a position, or a negative {@link SendResult} code as listed in the class comment.
     */
    public long offer(
        final int messageType, final long correlationId, final DirectBuffer buffer, final int offset, final int length)
    {
        final ActorRef peer = this.peer;
        if (null == peer)
        {
            return SendResult.NOT_CONNECTED;
        }
        return context.send(peer, messageType, correlationId, buffer, offset, length);
    }

    /**
     * Claims a slot in the peer's address to encode a message in place; on success {@code commit()} or
     * {@code abort()} the claim.
     *
     * @param length bytes to claim.
     * @param claim  filled in on success.
     * @return a position, or a negative {@link SendResult} code as listed in the class comment.
     */
    public long tryClaim(final int length, final SlotClaim claim)
    {
        final ActorRef peer = this.peer;
        if (null == peer)
        {
            return SendResult.NOT_CONNECTED;
        }
        return context.tryClaim(peer, length, claim);
    }

    /**
     * @param header of a message the actor is handling.
     * @return true if the peer end sent it through this pair.
     */
    public boolean isFromPeer(final Header header)
    {
        final ActorRef peer = this.peer;
        return null != peer && header.senderId() == peer.id();
    }

    /** @return the peer end's address, {@code peerActor.operator}; its id is the sender of what the peer sends. */
    public ActorRef peer()
    {
        return peer;
    }

    /** @return this end's own address, {@code actor.operator}, which only the peer may send to. */
    public ActorRef address()
    {
        return null == context ? null : context.address();
    }
}
