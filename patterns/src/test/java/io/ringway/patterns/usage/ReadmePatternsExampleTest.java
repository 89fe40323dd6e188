package io.ringway.patterns.usage;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutPublisher;
import io.ringway.patterns.reqrep.Requester;
import io.ringway.patterns.roundrobin.RoundRobinSender;
import io.ringway.patterns.roundrobin.RoundRobinStrategy;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.status.CounterType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The "Patterns" example of README.md: compiled and run here, and compared with the README's text, so the two
 * cannot drift apart. The example is what lies between the {@code README>} and {@code <README} comments, compared
 * with the README's code block with all white space removed (the README is laid out more compactly).
 */
class ReadmePatternsExampleTest
{
    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path runtimeDirectory;

    // README>
    final class Risk implements Actor
    {
        private final Requester gateway;

        Risk(ActorContext context)
        {
            gateway = context.attachment("execution", Requester.class);
        }

        @Override
        public void onMessage(DirectBuffer buffer, int offset, int length, Header header)
        {
            if (header.messageType() == PatternMessages.TIMEOUT)
            {
                return; // no reply to request header.correlationId() within 5 ms: counted, never stuck
            }
            if (header.correlationId() == 0)
            {
                gateway.request(buffer, offset, length); // an order: ask the gateway, with a deadline
            }
        }
    }
    // <README

    @Test
    void shouldRouteAnOrderToTheGatewayAsTheReadmeShows()
    {
        long replies = 0;
        // README>
        UnsafeBuffer eurusd = new UnsafeBuffer("EURUSD".getBytes(StandardCharsets.US_ASCII));
        UnsafeBuffer tick = new UnsafeBuffer(new byte[8]); // symbol id at offset 0, price at 4

        try (Ringway ringway = Topology.builder()
            // <README
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory))
            // README>
            .dispatcher("md")
            .dispatcher("orders")
            .actor("feed", context ->
            {
                FanOutPublisher prices = context.attachment("prices", FanOutPublisher.class);
                return (buffer, offset, length, header) -> prices.publish(eurusd, 0, 6, buffer, offset, length);
            }, actor -> actor.dispatcher("md"))
            .actor("strategy", context ->
            {
                RoundRobinSender orders = context.attachment("orders", RoundRobinSender.class);
                return (buffer, offset, length, header) -> orders.offer(buffer, offset, length);
            }, actor -> actor.dispatcher("md"))
            .actor("risk1", Risk::new, actor -> actor.dispatcher("orders"))
            .actor("risk2", Risk::new, actor -> actor.dispatcher("orders"))
            .actor("gateway", context -> (buffer, offset, length, header) -> context.reply(buffer, offset, length))
            .fanOut("prices", fanOut -> fanOut.publisher("feed").subscriber("strategy", Delivery.LOSSLESS, "EUR"))
            .roundRobin("orders", orders -> orders.senders("strategy").workers("risk1", "risk2")
                .strategy(RoundRobinStrategy.KEY_AFFINITY).key((buffer, offset, length) -> buffer.getInt(offset)))
            .requestReply("execution", execution -> execution.requesters("risk1", "risk2").replier("gateway")
                .timeout(Duration.ofMillis(5)))
            .build()
            .start())
        {
            long result = ringway.actor("feed").offer(tick, 0, tick.capacity()); // >= 0, or BACK_PRESSURED, ...
            // <README
            assertTrue(result >= 0);
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((replies = repliesAndTimeouts(ringway)) == 0 && deadlineNs - System.nanoTime() > 0)
            {
                LockSupport.parkNanos(100_000);
            }
            // README>
        }
        // <README
        // A reply after a 5 ms timeout, on a loaded machine, counts both as the timeout and as a dropped late reply.
        assertTrue(replies >= 1, "the order reached a risk worker, whose request got its reply or its timeout");
    }

    @Test
    void shouldMatchTheReadme() throws IOException
    {
        final String readme = Files.readString(README);
        final Matcher block = Pattern.compile("## Patterns.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README.md has a \"Patterns\" section with a java code block");

        final String source = Files.readString(
            Path.of("src/test/java/io/ringway/patterns/usage/ReadmePatternsExampleTest.java"));
        final StringBuilder example = new StringBuilder();
        final Matcher region = Pattern.compile("// README>\\n(.*?)\\n\\s*// <README", Pattern.DOTALL).matcher(source);
        while (region.find())
        {
            example.append(region.group(1));
        }
        assertEquals(withoutWhiteSpace(example.toString()), withoutWhiteSpace(block.group(1)),
            "README.md's Patterns example differs from this test's; update the README");
    }

    private static long repliesAndTimeouts(final Ringway ringway)
    {
        // Replies reach each requester's own address; a timeout is counted as dropped there.
        long total = 0;
        for (final String address : new String[]{"risk1.execution", "risk2.execution"})
        {
            total += ringway.actorCounters(address).get(CounterType.RECEIVED)
                + ringway.actorCounters(address).get(CounterType.DROPPED);
        }
        return total;
    }

    private static String withoutWhiteSpace(final String text)
    {
        return text.replaceAll("\\s+", "");
    }
}
