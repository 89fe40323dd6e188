package io.ringway.patterns.fanout;

import io.ringway.patterns.Topology;
import io.ringway.patterns.testing.AllocationMeter;
import io.ringway.patterns.testing.DutyCycles;
import io.ringway.patterns.testing.InProcessPlacement;
import io.ringway.patterns.testing.Placement;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fan-out contract with every member in one runtime, plus what only holds in process: subscribers read
 * the very same slot, and the publish-match-deliver path allocates nothing.
 */
class InProcessFanOutTest extends FanOutContract
{
    private InProcessPlacement inProcess;

    @Override
    protected Placement placement()
    {
        inProcess = new InProcessPlacement(runtimeDirectory);
        return inProcess;
    }

    /** Publishes one message per command, keeping its last result; no allocation. */
    private static final class QuietPublisher implements Actor
    {
        private final FanOutPublisher prices;
        private final UnsafeBuffer topic = new UnsafeBuffer(new byte[8]);
        private final int topicLength = topic.putStringWithoutLengthAscii(0, "EURUSD");
        long lastResult;

        QuietPublisher(final FanOutPublisher prices)
        {
            this.prices = prices;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            lastResult = prices.publish(topic, 0, topicLength, buffer, offset, length);
        }
    }

    /** Sums what it receives and remembers where the last body was; no allocation. */
    private static final class QuietSubscriber implements Actor
    {
        long count;
        long sum;
        long lastAddress;

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            count++;
            sum += buffer.getLong(offset);
            lastAddress = buffer.addressOffset() + offset;
        }
    }

    private final QuietSubscriber[] quiet = new QuietSubscriber[2];
    private QuietPublisher quietPublisher;

    /** @param subscribers declares subscribers a and b on the operator, after its publisher feed. */
    private void startQuiet(final Consumer<FanOutSpec> subscribers)
    {
        start(Topology.builder()
            .callerDispatcher("main")
            .actor("feed", context -> quietPublisher =
                new QuietPublisher(context.attachment(OPERATOR, FanOutPublisher.class)))
            .actor("a", context -> quiet[0] = new QuietSubscriber())
            .actor("b", context -> quiet[1] = new QuietSubscriber())
            .fanOut(OPERATOR, fanOut -> subscribers.accept(fanOut.publisher("feed"))));
    }

    @Test
    void shouldHandEveryLosslessSubscriberTheSameSlotWithNoCopy()
    {
        startQuiet(fanOut -> fanOut
            .subscriber("a", Delivery.LOSSLESS, "EUR")
            .subscriber("b", Delivery.LOSSLESS, ""));
        final UnsafeBuffer price = new UnsafeBuffer(new byte[8]);
        price.putLong(0, 10842);
        inProcess.ringway().actor("feed").offer(price, 0, 8);
        inProcess.ringway().invoker("main").invoke();
        inProcess.ringway().invoker("main").invoke();

        assertEquals(1, quiet[0].count);
        assertEquals(10842, quiet[0].sum);
        assertEquals(quiet[0].lastAddress, quiet[1].lastAddress, "both read the ring slot in place");
    }

    @Test
    void shouldAllocateNothingToPublishMatchAndDeliver()
    {
        startQuiet(fanOut -> fanOut
            .subscriber("a", Delivery.LOSSLESS, "GBP", "EUR")
            .subscriber("b", Delivery.LOSSY, "USD", "")
            .ringSize(64));
        final AgentInvoker invoker = inProcess.ringway().invoker("main");
        final ActorRef feed = inProcess.ringway().actor("feed");
        final UnsafeBuffer price = new UnsafeBuffer(new byte[8]);
        final int warmUp = 30_000;
        final int measured = 10_000;
        DutyCycles.tellEachAndRun(invoker, feed, price, warmUp);
        final AllocationMeter.Rounds rounds =
            AllocationMeter.untilACleanRound(10, () -> DutyCycles.tellEachAndRun(invoker, feed, price, measured));
        final long messages = warmUp + (long)rounds.count() * measured;
        assertEquals(messages, quiet[0].count, "every message matched 'EUR' at a");
        assertEquals(messages, quiet[1].count, "and '' at b, once");
        assertTrue(quietPublisher.lastResult >= 0);
        assertEquals(0L, rounds.last(),
            "bytes allocated per round of " + measured + " publish, match and deliver cycles: " + rounds);
    }
}
