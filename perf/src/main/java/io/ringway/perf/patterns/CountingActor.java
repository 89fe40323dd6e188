package io.ringway.perf.patterns;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;

/**
 * A Ringway receiver (fan-out subscriber, round-robin worker) that counts each message's sequence number into
 * its {@link ReceiverProgress}. Allocates nothing.
 */
final class CountingActor implements Actor
{
    private final ReceiverProgress progress;

    CountingActor(final ReceiverProgress progress)
    {
        this.progress = progress;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        progress.onMessage(buffer.getLong(offset));
    }
}
