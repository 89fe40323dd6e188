package io.ringway.patterns.reqrep;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link Requester#isReply} tells the requester's deliveries, replies and timeouts, from the actor's other mail.
 */
class RequesterIsReplyTest
{
    private static final int SILENCE = 9;

    @TempDir
    Path runtimeDirectory;

    private final CachedNanoClock clock = new CachedNanoClock();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final List<String> seen = new ArrayList<>();
    private Requester requester;
    private Ringway ringway;

    @AfterEach
    void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }

    @Test
    void shouldTellRepliesAndTimeoutsFromOtherMail()
    {
        ringway = Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory).clock(clock))
            .callerDispatcher("main")
            .actor("client", context ->
            {
                requester = context.attachment("rr", Requester.class);
                return (Actor)(message, offset, length, header) -> seen.add(
                    (header.messageType() == PatternMessages.TIMEOUT ? "timeout" : message.getStringWithoutLengthAscii(
                        offset, length)) + " isReply=" + requester.isReply(header));
            }, actor -> actor.dispatcher("main"))
            .actor("echo", context -> (message, offset, length, header) ->
            {
                if (header.messageType() != SILENCE)
                {
                    context.reply(message, offset, length);
                }
            }, actor -> actor.dispatcher("main"))
            .requestReply("rr", rr -> rr.requesters("client").replier("echo").timeout(Duration.ofMillis(1)))
            .build()
            .start();
        final AgentInvoker invoker = ringway.invoker("main");
        invoker.invoke();

        assertTrue(requester.request(buffer, 0, buffer.putStringWithoutLengthAscii(0, "reply")) > 0);
        assertTrue(requester.request(SILENCE, buffer, 0, buffer.putStringWithoutLengthAscii(0, "unanswered")) > 0);
        assertTrue(ringway.actor("client").offer(buffer, 0, buffer.putStringWithoutLengthAscii(0, "mail")) >= 0);
        invoker.invoke();
        invoker.invoke();
        clock.advance(Duration.ofMillis(2).toNanos());
        invoker.invoke();

        assertEquals(List.of("mail isReply=false", "reply isReply=true", "timeout isReply=true"), seen);
        assertFalse(requester.isReply(null));
    }
}
