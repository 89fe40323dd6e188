package io.ringway.perf.patterns;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;

/**
 * A Ringway replier (request-reply's replier, a gather's member) that answers each request with a copy of it.
 * Allocates nothing.
 */
final class EchoActor implements Actor
{
    private final ActorContext context;

    EchoActor(final ActorContext context)
    {
        this.context = context;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final long result = context.reply(buffer, offset, length);
        if (result < 0)
        {
            // One request in flight: the requester's reply ring cannot be full, so any refusal is a fault.
            throw new IllegalStateException("reply failed: " + SendResult.describe(result));
        }
    }
}
