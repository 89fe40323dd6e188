package io.ringway.perf.patterns;

import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutPublisher;
import io.ringway.perf.core.CoreSettings;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.ring.SendResult;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.patterns.PatternSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;
import static io.ringway.perf.patterns.PatternSettings.WINDOW;

/**
 * Fan-out throughput: messages published per microsecond (= millions per second), every subscriber receiving
 * every one of them.
 * <pre>
 *  +-------------- JMH thread --------------+   publish    +-------------------+   +-- dispatcher "subscribers" --+
 *  | "feed" on callerDispatcher("caller")    |------------->| fan-out ring      |-->| "sub0" .. "sub{n-1}",        |
 *  | FanOutPublisher.publish(64 bytes)       |  topic "",   | 65536 slots,      |   | LOSSLESS, prefix ""          |
 *  | spins while BACK_PRESSURED              |  body 64 B   | single producer   |   | one thread, BUSY_SPIN        |
 *  +-----------------------------------------+              +-------------------+   +------------------------------+
 * </pre>
 * The subscribers share one dispatcher thread, as the peers' receivers share one thread: on 2 cores the
 * publisher and that thread take the machine. Each iteration's teardown waits until every subscriber has
 * received, in order, every message published.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class RingwayFanOut
{
    private static final String OPERATOR = "prices";

    /** Subscribers of the fan-out. */
    @Param({"1", "2", "4"})
    public int subscribers;

    private final UnsafeBuffer message = CoreSettings.newMessage();
    private final UnsafeBuffer noTopic = new UnsafeBuffer(new byte[0]);
    private Receivers receivers;
    private Ringway ringway;
    private FanOutPublisher publisher;
    private long sent;

    /** Starts the topology; the JMH thread runs the publisher's dispatcher and is the ring's one producer. */
    @Setup(Level.Trial)
    public void setUp()
    {
        receivers = Receivers.eachReceivesAll(subscribers);
        final TopologyBuilder topology = Topology.builder()
            .callerDispatcher("caller")
            .dispatcher("subscribers", CoreSettings.IDLE)
            .actor("feed", context ->
            {
                publisher = context.attachment(OPERATOR, FanOutPublisher.class);
                return (buffer, offset, length, header) -> { };
            }, options -> options.dispatcher("caller"));
        final String[] names = new String[subscribers];
        for (int i = 0; i < subscribers; i++)
        {
            final ReceiverProgress progress = receivers.get(i);
            names[i] = "sub" + i;
            topology.actor(names[i], context -> new CountingActor(progress), options -> options.dispatcher("subscribers"));
        }
        ringway = topology
            .fanOut(OPERATOR, fanOut ->
            {
                fanOut.publisher("feed").ringSize(WINDOW).maxMessageLength(MESSAGE_LENGTH).singleProducer();
                for (final String name : names)
                {
                    fanOut.subscriber(name, Delivery.LOSSLESS, "");
                }
            })
            .build()
            .start();
    }

    /** Publishes one message, spinning while the slowest subscriber is a whole ring behind. */
    @Benchmark
    public void publish()
    {
        final UnsafeBuffer message = this.message;
        message.putLong(0, sent);
        long result;
        while ((result = publisher.publish(noTopic, 0, 0, message, 0, MESSAGE_LENGTH)) == SendResult.BACK_PRESSURED)
        {
            Thread.onSpinWait();
        }
        if (result < 0)
        {
            throw new IllegalStateException("publish failed: " + SendResult.describe(result));
        }
        sent++;
    }

    /** Fails the run unless every subscriber received every message, in order. */
    @TearDown(Level.Iteration)
    public void awaitSubscribers()
    {
        receivers.awaitDelivered(sent, CATCH_UP_TIMEOUT_NS);
    }

    /** Closes the runtime from the thread that drives its caller-run dispatcher. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        ringway.close();
    }
}
