package io.ringway.perf.tcp;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;

/**
 * The Ringway replier: answers each request, which came over the wire, with a copy of it. Allocates nothing.
 */
final class TcpEchoActor implements Actor
{
    private final ActorContext context;

    TcpEchoActor(final ActorContext context)
    {
        this.context = context;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final long result = context.reply(buffer, offset, length);
        if (result < 0)
        {
            // One request in flight: the link back to the requester cannot be full, so any refusal is a fault.
            throw new IllegalStateException("reply failed: " + SendResult.describe(result));
        }
    }
}
