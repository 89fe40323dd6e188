package io.ringway.patterns.router;

import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import org.agrona.DirectBuffer;

/**
 * A dealer's side of a router/dealer, attached to the dealer actor under the operator's name: it sends to the
 * router as the dealer actor, so the router's {@link Router#identityOf(int)} names this dealer. What the router
 * sends arrives in the dealer actor's own mailbox; {@link #isFromRouter(Header)} tells it from other mail.
 * <p>
 * Result codes of {@code offer} and {@code tryClaim}: a position ({@code >= 0}) on success, else
 * {@link SendResult#BACK_PRESSURED} (the router's mailbox is full; try again later), {@link SendResult#CLOSED}
 * (the router has stopped, or the runtime is closed), {@link SendResult#MESSAGE_TOO_LARGE},
 * {@link SendResult#NOT_SINGLE_PRODUCER}, or {@link SendResult#NOT_CONNECTED} before the attachment has started
 * (never seen by actor code). Refusals are counted on the router actor; sends on the dealer actor.
 * <p>
 * Thread safety: none. Use it on the owning actor's dispatcher thread only. The steady state allocates nothing.
 */
public final class Dealer implements Attachment
{
    private final String routerName;
    private ActorContext actor;
    private ActorRef router;

    /**
     * @param routerName the router actor's name.
     */
    Dealer(final String routerName)
    {
        this.routerName = routerName;
    }

    @Override
    public void onStart(final AttachmentContext context)
    {
        router = context.actor().lookup(routerName);
        actor = context.actor();
    }

    /**
     * Sends a copy of a message to the router, with message type 0 and no correlation id.
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
     * Sends a copy of a message to the router.
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
        final ActorContext actor = this.actor;
        if (null == actor)
        {
            return SendResult.NOT_CONNECTED;
        }
        return actor.send(router, messageType, correlationId, buffer, offset, length);
    }

    /**
     * Claims a slot in the router's mailbox to encode a message in place; on success {@code commit()} or
     * {@code abort()} the claim.
     *
     * @param length bytes to claim.
     * @param claim  filled in on success.
     * @return a position, or a negative {@link SendResult} code as listed in the class comment.
     */
    public long tryClaim(final int length, final SlotClaim claim)
    {
        final ActorContext actor = this.actor;
        if (null == actor)
        {
            return SendResult.NOT_CONNECTED;
        }
        return actor.tryClaim(router, length, claim);
    }

    /**
     * @param header of a message the dealer actor is handling.
     * @return true if the router sent it.
     */
    public boolean isFromRouter(final Header header)
    {
        final ActorRef router = this.router;
        return null != router && header.senderId() == router.id();
    }

    /** @return the router actor's address. */
    public ActorRef router()
    {
        return router;
    }
}
