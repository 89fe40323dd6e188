package io.ringway.perf.patterns;

import io.ringway.patterns.Topology;
import io.ringway.patterns.roundrobin.RoundRobinSender;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.patterns.PatternSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;
import static io.ringway.perf.patterns.PatternSettings.ROUND_ROBIN_WORKERS;
import static io.ringway.perf.patterns.PatternSettings.WINDOW;

/**
 * Round-robin throughput over 2 workers: messages sent per microsecond (= millions per second), each received
 * by exactly one worker, in strict rotation.
 * <pre>
 *  +-------------- JMH thread --------------+  offer   +--------------------------+   +-- dispatcher "workers" --+
 *  | "sender" on callerDispatcher("caller")  |--------->| "worker0" mailbox 32768  |-->| "worker0", "worker1"     |
 *  | RoundRobinSender.offer(64 bytes),       |    \     +--------------------------+   | one thread, BUSY_SPIN    |
 *  | ROTATION; spins while BACK_PRESSURED    |     `--->| "worker1" mailbox 32768  |-->|                          |
 *  +-----------------------------------------+          +--------------------------+   +--------------------------+
 * </pre>
 * The two mailboxes hold {@link PatternSettings#WINDOW} messages together, the window the peers are held to.
 * Each iteration's teardown waits until the workers together have received every message sent, each its own in
 * order.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class RingwayRoundRobin
{
    private static final String OPERATOR = "orders";

    private final UnsafeBuffer message = CoreSettings.newMessage();
    private final Receivers receivers = Receivers.shareTheWork(ROUND_ROBIN_WORKERS);
    private Ringway ringway;
    private RoundRobinSender sender;
    private long sent;

    /** Starts the topology; the JMH thread runs the sender's dispatcher and is each mailbox's one producer. */
    @Setup(Level.Trial)
    public void setUp()
    {
        ringway = Topology.builder()
            .callerDispatcher("caller")
            .dispatcher("workers", CoreSettings.IDLE)
            .actor("sender", context ->
            {
                sender = context.attachment(OPERATOR, RoundRobinSender.class);
                return (buffer, offset, length, header) -> { };
            }, options -> options.dispatcher("caller"))
            .actor("worker0", context -> new CountingActor(receivers.get(0)), options -> options
                .dispatcher("workers")
                .singleProducer()
                .ringSize(WINDOW / ROUND_ROBIN_WORKERS)
                .maxMessageLength(MESSAGE_LENGTH))
            .actor("worker1", context -> new CountingActor(receivers.get(1)), options -> options
                .dispatcher("workers")
                .singleProducer()
                .ringSize(WINDOW / ROUND_ROBIN_WORKERS)
                .maxMessageLength(MESSAGE_LENGTH))
            .roundRobin(OPERATOR, rr -> rr.senders("sender").workers("worker0", "worker1"))
            .build()
            .start();
    }

    /** Sends one message to the worker whose turn it is, spinning while that worker's mailbox is full. */
    @Benchmark
    public void send()
    {
        final UnsafeBuffer message = this.message;
        message.putLong(0, sent);
        long result;
        while ((result = sender.offer(message, 0, MESSAGE_LENGTH)) == SendResult.BACK_PRESSURED)
        {
            Thread.onSpinWait();
        }
        if (result < 0)
        {
            throw new IllegalStateException("send failed: " + SendResult.describe(result));
        }
        sent++;
    }

    /** Fails the run unless the workers together received every message, each its own in order. */
    @TearDown(Level.Iteration)
    public void awaitWorkers()
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
