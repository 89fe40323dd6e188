package io.ringway.runtime;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.status.CounterType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The two-actor example of README.md, kept here so that it compiles and works as written.
 */
class ReadmeExampleTest
{
    @TempDir
    Path runtimeDirectory;

    // --- README example starts ---
    static final class Pong implements Actor
    {
        private final ActorContext context;

        Pong(final ActorContext context)
        {
            this.context = context;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            context.reply(buffer, offset, length); // back to whoever sent it, same correlation id
        }
    }

    static final class Ping implements Actor
    {
        private final ActorContext context;
        private final ActorRef pong;
        private long rounds;

        Ping(final ActorContext context)
        {
            this.context = context;
            this.pong = context.lookup("pong");
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (header.senderId() == pong.id() && ++rounds == 1000)
            {
                return; // done
            }
            context.send(pong, buffer, offset, length);
        }
    }
    // --- README example ends ---

    @Test
    void shouldPlayPingPongAsTheReadmeShows()
    {
        try (Ringway ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .dispatcher("io")
            .actor("pong", Pong::new, actor -> actor.dispatcher("io"))
            .actor("ping", Ping::new, actor -> actor.dispatcher("io").ringSize(4096))
            .build()
            .start())
        {
            final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
            final long result = ringway.actor("ping").offer(message, 0, 64);
            assertTrue(result >= 0);

            Await.until(() -> ringway.actorCounters("ping").get(CounterType.RECEIVED) == 1001,
                () -> "ping received " + ringway.actorCounters("ping").get(CounterType.RECEIVED));
            assertEquals(1000, ringway.actorCounters("pong").get(CounterType.RECEIVED));
        }
    }
}
