package io.ringway.transport.fuzz;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every message a link delivers, and recognises the well-behaved peer's probes: a probe's body is a
 * random token chosen after the fuzz input was sent, so no input can forge it. Optionally answers each message
 * with its own body ({@code context.reply}), as a replier.
 * <p>
 * Thread safety: {@link #onMessage} on its dispatcher; the getters and {@link #expect} from any thread.
 */
final class ProbeActor implements Actor
{
    private final ActorContext context;
    private final boolean replies;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private volatile byte[] token = new byte[0];

    ProbeActor(final ActorContext context, final boolean replies)
    {
        this.context = context;
        this.replies = replies;
    }

    /** @param token the body of the next probe. */
    void expect(final byte[] token)
    {
        this.token = token.clone();
    }

    /** @return messages delivered so far, fuzzed ones and probes. */
    long delivered()
    {
        return delivered.get();
    }

    /** @return probes recognised so far. */
    long probes()
    {
        return probes.get();
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final byte[] expected = token;
        if (length == expected.length && expected.length > 0)
        {
            boolean same = true;
            for (int i = 0; i < length && same; i++)
            {
                same = buffer.getByte(offset + i) == expected[i];
            }
            if (same)
            {
                probes.incrementAndGet();
            }
        }
        if (replies)
        {
            context.reply(buffer, offset, length);
        }
        delivered.incrementAndGet();
    }
}
