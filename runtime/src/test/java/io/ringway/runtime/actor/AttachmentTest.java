package io.ringway.runtime.actor;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.errors.ConfigurationException;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.MutableHeader;
import io.ringway.runtime.status.CounterType;
import io.ringway.runtime.status.CountersFileReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AttachmentTest
{
    private static final int TICK = -100;

    @TempDir
    Path runtimeDirectory;

    private final List<String> log = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private Ringway ringway;

    @AfterEach
    void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }

    /** Forwards what reaches its address to the owner, prefixed; ticks the owner once per duty cycle. */
    private final class Forwarder implements Attachment
    {
        private final MutableHeader tickHeader = new MutableHeader();
        private AttachmentContext context;
        private int ticksLeft;

        @Override
        public void onStart(final AttachmentContext context)
        {
            this.context = context;
            log.add("attachment started at " + context.address().name());
        }

        @Override
        public int doWork(final long nowNs)
        {
            if (ticksLeft > 0)
            {
                ticksLeft--;
                context.deliver(buffer, 0, 0, tickHeader.set(TICK, -1, 0, nowNs, 0));
                return 1;
            }
            return 0;
        }

        @Override
        public void onMessage(final DirectBuffer message, final int offset, final int length, final Header header)
        {
            log.add("attachment got " + message.getStringWithoutLengthAscii(offset, length));
            context.deliver(message, offset, length, header);
        }

        void tick(final int count)
        {
            ticksLeft = count;
        }
    }

    private final class Owner implements Actor
    {
        private final Forwarder forwarder;

        Owner(final ActorContext context)
        {
            forwarder = context.attachment("inbox", Forwarder.class);
        }

        @Override
        public void onMessage(final DirectBuffer message, final int offset, final int length, final Header header)
        {
            if (header.messageType() == TICK)
            {
                log.add("owner ticked");
                return;
            }
            final String text = message.getStringWithoutLengthAscii(offset, length);
            if (text.equals("boom"))
            {
                throw new IllegalStateException("boom");
            }
            if (text.equals("tick"))
            {
                forwarder.tick(2);
            }
            log.add("owner got " + text);
        }
    }

    private AgentInvoker start(final Forwarder forwarder)
    {
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .actor("owner", Owner::new, actor -> actor.attachWithAddress("inbox", forwarder, 8, 64))
            .build()
            .start();
        return ringway.invoker("main");
    }

    private int text(final String text)
    {
        return buffer.putStringWithoutLengthAscii(0, text);
    }

    @Test
    void shouldReceiveAtItsOwnAddressAndDeliverToTheOwner()
    {
        final AgentInvoker invoker = start(new Forwarder());
        assertTrue(ringway.actor("owner.inbox").offer(buffer, 0, text("hi")) >= 0);
        invoker.invoke();
        assertEquals(List.of("attachment started at owner.inbox", "attachment got hi", "owner got hi"), log);
        assertEquals(1, ringway.actorCounters("owner").get(CounterType.RECEIVED));
    }

    @Test
    void shouldRunEveryDutyCycleAndDeliverMadeUpMessages()
    {
        final AgentInvoker invoker = start(new Forwarder());
        ringway.actor("owner").offer(buffer, 0, text("tick"));
        invoker.invoke();
        invoker.invoke();
        invoker.invoke();
        assertEquals(List.of("attachment started at owner.inbox", "owner got tick", "owner ticked", "owner ticked"),
            log);
    }

    @Test
    void shouldSuperviseDeliveriesAndSurviveTheOwnersRestart()
    {
        final Forwarder forwarder = new Forwarder();
        final AgentInvoker invoker = start(forwarder);
        final ActorRef inbox = ringway.actor("owner.inbox");
        inbox.offer(buffer, 0, text("boom"));
        inbox.offer(buffer, 0, text("after"));
        invoker.invoke();

        assertEquals(1, ringway.actorCounters("owner").get(CounterType.DEAD_LETTERED));
        assertEquals(1, ringway.actorCounters("owner").get(CounterType.ERRORS));
        assertEquals("owner got after", log.get(log.size() - 1), "restarted owner found the same attachment");
    }

    @Test
    void shouldRouteRepliesToTheAttachmentThatSent()
    {
        final Forwarder forwarder = new Forwarder();
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .actor("owner", Owner::new, actor -> actor.attachWithAddress("inbox", forwarder, 8, 64))
            .actor("echo", context -> (message, offset, length, header) -> context.reply(message, offset, length))
            .build()
            .start();
        final ActorRef echo = ringway.actor("echo");
        final ActorRef inbox = ringway.actor("owner.inbox");
        assertTrue(echo.offer(inbox.id(), 0, 0, buffer, 0, text("ping")) >= 0, "sent as the attachment");
        ringway.invoker("main").invoke();
        ringway.invoker("main").invoke();
        assertTrue(log.contains("attachment got ping"), log.toString());
    }

    /** Sends "ping" to the echo actor as its own address when started, and counts the answers in a named counter. */
    private static final class Pinger implements Attachment
    {
        private final UnsafeBuffer ping = new UnsafeBuffer(new byte[] {'p', 'i', 'n', 'g'});
        private AttachmentContext context;
        private AtomicCounter answers;
        private long sendResult;

        @Override
        public void onStart(final AttachmentContext context)
        {
            this.context = context;
            answers = context.newCounter("answers");
        }

        @Override
        public void onMessage(final DirectBuffer message, final int offset, final int length, final Header header)
        {
            answers.increment();
        }

        void ping()
        {
            sendResult = context.send(context.actor().lookup("echo"), 7, 42, ping, 0, ping.capacity());
        }
    }

    @Test
    void shouldSendAsItsOwnAddressAndCountItsTrafficAndNamedCountersInTheCountersFile()
    {
        final Pinger pinger = new Pinger();
        final List<Integer> echoSenders = new ArrayList<>();
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .callerDispatcher("main")
            .actor("owner", context -> (message, offset, length, header) -> { },
                actor -> actor.attachWithAddress("pinger", pinger, 8, 64))
            .actor("echo", context -> (message, offset, length, header) ->
            {
                echoSenders.add(header.senderId());
                context.reply(message, offset, length);
            })
            .build()
            .start();
        final AgentInvoker invoker = ringway.invoker("main");

        pinger.ping();
        pinger.ping();
        invoker.invoke();
        invoker.invoke();

        assertTrue(pinger.sendResult >= 0, "sent: " + pinger.sendResult);
        final int pingerId = ringway.actor("owner.pinger").id();
        assertEquals(List.of(pingerId, pingerId), echoSenders, "the echo saw the attachment's address as sender");
        assertEquals(2, ringway.actorCounters("owner.pinger").get(CounterType.SENT));
        assertEquals(2, ringway.actorCounters("owner.pinger").get(CounterType.RECEIVED));
        assertEquals(0, ringway.actorCounters("owner").get(CounterType.SENT), "the owner sent nothing itself");
        try (CountersFileReader reader = CountersFileReader.open(ringway.countersFile()))
        {
            assertEquals(2L, reader.snapshot().get("actor owner.pinger: answers"), reader.snapshot().toString());
        }
    }

    @Test
    void shouldNameTheFaultWhenLookingUpAMissingOrMistypedAttachment()
    {
        final List<String> errors = new ArrayList<>();
        ringway = Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .errorHandler(ex -> errors.add(ex.getCause().getMessage()))
            .callerDispatcher("main")
            .actor("a", context ->
            {
                context.attachment("nothing", Forwarder.class);
                return null;
            })
            .actor("b", context ->
            {
                context.attachment("inbox", Owner.class);
                return null;
            }, actor -> actor.attach("inbox", new Forwarder()))
            .build()
            .start();
        assertEquals(List.of("actor 'a' has no attachment named 'nothing'",
            "attachment 'inbox' of actor 'b' is a Forwarder, not a Owner"), errors);
    }

    @Test
    void shouldRejectDuplicateAttachmentNamesAndAddressClashes()
    {
        assertThrows(ConfigurationException.class, () -> Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("a", Owner::new, actor -> actor.attach("x", new Forwarder()).attach("x", new Forwarder()))
            .build());
        final ConfigurationException clash = assertThrows(ConfigurationException.class, () -> Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("a.x", Owner::new)
            .actor("a", Owner::new, actor -> actor.attachWithAddress("x", new Forwarder(), 8, 8))
            .build());
        assertTrue(clash.getMessage().contains("address 'a.x'"), clash.getMessage());
        assertThrows(ConfigurationException.class, () -> Ringway.builder()
            .runtimeDirectory(runtimeDirectory)
            .actor("a", Owner::new, actor -> actor.attachWithAddress("x", new Forwarder(), 6, 8))
            .build());
    }
}
