package io.ringway.perf.tcp;

import io.ringway.perf.patterns.ReceiverProgress;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;

/**
 * The Ringway puller: counts each message's sequence number into its {@link ReceiverProgress}. Allocates
 * nothing.
 */
final class TcpCountingActor implements Actor
{
    private final ReceiverProgress progress;

    TcpCountingActor(final ReceiverProgress progress)
    {
        this.progress = progress;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        progress.onMessage(buffer.getLong(offset));
    }
}
