package io.ringway.runtime.actor;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.CounterType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Actors on a caller-run dispatcher, driven by the test thread: every step is deterministic.
 */
class ActorMessagingTest
{
    @TempDir
    Path runtimeDirectory;

    private final List<String> log = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final CachedNanoClock clock = new CachedNanoClock();
    private Ringway ringway;
    private AgentInvoker invoker;
    private ActorContext clientContext;

    @AfterEach
    void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }

    private final class Echo implements Actor
    {
        private final ActorContext context;

        Echo(final ActorContext context)
        {
            this.context = context;
        }

        @Override
        public void onMessage(final DirectBuffer message, final int offset, final int length, final Header header)
        {
            final String text = message.getStringWithoutLengthAscii(offset, length);
            log.add(context.name() + " got " + text + " type=" + header.messageType() + " corr=" + header.correlationId());
            final int replyLength = buffer.putStringWithoutLengthAscii(0, "re:" + text);
            context.reply(buffer, 0, replyLength);
        }
    }

    private final class Client implements Actor
    {
        Client(final ActorContext context)
        {
            clientContext = context;
        }

        @Override
        public void onMessage(final DirectBuffer message, final int offset, final int length, final Header header)
        {
            final String topic = message.getStringWithoutLengthAscii(offset - header.topicLength(), header.topicLength());
            log.add("client got " + message.getStringWithoutLengthAscii(offset, length) + " corr="
                + header.correlationId() + (topic.isEmpty() ? "" : " topic=" + topic));
        }

        @Override
        public void onTimer(final long timerId)
        {
            log.add("client timer at " + clientContext.nowNs());
        }
    }

    private void start()
    {
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .clock(clock)
            .callerDispatcher("main")
            .actor("echo", Echo::new)
            .actor("client", Client::new)
            .build()
            .start();
        invoker = ringway.invoker("main");
    }

    private int text(final String text)
    {
        return buffer.putStringWithoutLengthAscii(0, text);
    }

    @Test
    void shouldDeliverAndRouteReplyToItsSenderWithCorrelationId()
    {
        start();
        final ActorRef echo = ringway.actor("echo");
        assertTrue(clientContext.send(echo, 7, 42, buffer, 0, text("hello")) >= 0);

        invoker.invoke();
        invoker.invoke();

        assertEquals(List.of("echo got hello type=7 corr=42", "client got re:hello corr=42"), log);
        assertEquals(1, ringway.actorCounters("client").get(CounterType.SENT));
        assertEquals(1, ringway.actorCounters("echo").get(CounterType.SENT));
        assertEquals(1, ringway.actorCounters("echo").get(CounterType.RECEIVED));
        assertEquals(2, ringway.dispatcherCounters("main").get(CounterType.RECEIVED), "dispatcher sums its actors");
    }

    @Test
    void shouldReturnNotConnectedWhenReplyingToAnOutsideSender()
    {
        final long[] replyResult = new long[1];
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .actor("echo", context -> (message, offset, length, header) ->
                replyResult[0] = context.reply(message, offset, length))
            .build()
            .start();
        ringway.actor("echo").offer(buffer, 0, text("from outside"));
        ringway.invoker("main").invoke();
        assertEquals(SendResult.NOT_CONNECTED, replyResult[0]);
    }

    @Test
    void shouldReturnNotConnectedWhenReplyingOutsideAnyMessage()
    {
        start();
        assertEquals(SendResult.NOT_CONNECTED, clientContext.reply(buffer, 0, text("nobody asked")));
    }

    @Test
    void shouldCarryTopicBeforeTheBodyWhenPublishing()
    {
        start();
        final UnsafeBuffer topic = new UnsafeBuffer(new byte[16]);
        final int topicLength = topic.putStringWithoutLengthAscii(0, "EURUSD");
        assertTrue(clientContext.publish(clientContext.self(), topic, 0, topicLength, buffer, 0, text("1.0842")) >= 0);
        invoker.invoke();
        assertEquals(List.of("client got 1.0842 corr=0 topic=EURUSD"), log);
    }

    @Test
    void shouldSendZeroCopyThroughAClaim()
    {
        start();
        final SlotClaim claim = new SlotClaim();
        assertTrue(clientContext.tryClaim(ringway.actor("echo"), 5, claim) >= 0);
        claim.buffer().putStringWithoutLengthAscii(0, "claim");
        claim.messageType(3).correlationId(9).commit();
        invoker.invoke();
        invoker.invoke();
        assertEquals(List.of("echo got claim type=3 corr=9", "client got re:claim corr=9"), log);
    }

    @Test
    void shouldFireTimerAtItsDeadlineOnTheDispatcherClock()
    {
        clock.update(1_000_000_000L);
        start();
        clientContext.scheduleTimer(clock.nanoTime() + 5_000_000);
        invoker.invoke();
        assertTrue(log.isEmpty(), "not due yet");

        clock.advance(5_000_000 + 2 * io.ringway.runtime.agent.Dispatcher.TIMER_TICK_NS);
        invoker.invoke();
        assertEquals(1, log.size());
        assertTrue(log.get(0).startsWith("client timer at "), log.get(0));
    }

    @Test
    void shouldNotFireCancelledTimer()
    {
        start();
        final long timerId = clientContext.scheduleTimer(clock.nanoTime() + 1_000_000);
        assertTrue(clientContext.cancelTimer(timerId));
        assertFalse(clientContext.cancelTimer(timerId), "only once");
        clock.advance(10_000_000);
        invoker.invoke();
        assertTrue(log.isEmpty());
    }

    @Test
    void shouldGiveOutsideSendersNoSenderId()
    {
        final int[] senderId = new int[1];
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .actor("sink", context -> (message, offset, length, header) -> senderId[0] = header.senderId())
            .build()
            .start();
        assertTrue(ringway.actor("sink").offer(buffer, 0, 1) >= 0);
        ringway.invoker("main").invoke();
        assertEquals(MessageSlot.NO_SENDER, senderId[0]);
    }

    @Test
    void shouldBlockingSendGiveUpWithBackPressuredAtItsTimeout()
    {
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .actor("sink", context -> (message, offset, length, header) -> { }, actor -> actor.ringSize(2))
            .build()
            .start();
        final ActorRef sink = ringway.actor("sink");
        final org.agrona.concurrent.IdleStrategy idle = new org.agrona.concurrent.YieldingIdleStrategy();
        assertTrue(sink.send(buffer, 0, 1, 1_000_000, idle) >= 0);
        assertTrue(sink.send(buffer, 0, 1, 1_000_000, idle) >= 0);
        assertEquals(SendResult.BACK_PRESSURED, sink.send(buffer, 0, 1, 1_000_000, idle), "no consumer: full");
        ringway.invoker("main").invoke();
        assertTrue(sink.send(buffer, 0, 1, 1_000_000, idle) >= 0, "space after the dispatcher drained it");
    }
}
