package io.ringway.perf.core;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
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

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.ringway.perf.core.CoreSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.core.CoreSettings.HOP_RING_SLOTS;
import static io.ringway.perf.core.CoreSettings.MESSAGE_LENGTH;

/**
 * One-hop throughput through an {@link ArrayBlockingQueue}: successful sends per microsecond (= millions per
 * second).
 * <pre>
 *  +------------+  offer(buffer)    +------------------------+  poll()    +--------------------------+
 *  | JMH thread |------------------>| ArrayBlockingQueue     |----------->| consumer agent           |
 *  | (producer) |  copies 64 bytes  | capacity 65536         |  until     | own thread, AgentRunner, |
 *  +------------+  into a pooled    +------------------------+  empty     | BusySpinIdleStrategy     |
 *                  buffer; spins on full                                  +--------------------------+
 * </pre>
 * A queue holds references, so the producer copies each message into the next of {@code 2 x 65536}
 * pre-allocated buffers and offers that: a buffer is written again only after the consumer has polled the one
 * {@code 65536} places after it, so it is done with it. Each iteration's teardown waits until the consumer has
 * received, in order, every message sent.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class BlockingQueueOneHop
{
    private final ConsumerProgress progress = new ConsumerProgress();
    private final UnsafeBuffer message = CoreSettings.newMessage();
    private final UnsafeBuffer[] pool = CoreSettings.newMessages(2 * HOP_RING_SLOTS);
    private final ArrayBlockingQueue<UnsafeBuffer> queue = new ArrayBlockingQueue<>(HOP_RING_SLOTS);
    private AgentRunner consumer;
    private long sent;

    /** Starts the consumer thread. */
    @Setup(Level.Trial)
    public void setUp()
    {
        consumer = CoreSettings.startRunner(new Consumer(queue, progress));
    }

    /** Sends one message, spinning while the queue is full. */
    @Benchmark
    public void hop()
    {
        final UnsafeBuffer message = this.message;
        message.putLong(0, sent);
        final UnsafeBuffer pooled = pool[(int)sent & (pool.length - 1)];
        pooled.putBytes(0, message, 0, MESSAGE_LENGTH);
        while (!queue.offer(pooled))
        {
            Thread.onSpinWait();
        }
        sent++;
    }

    /** Fails the run unless the consumer kept up with every message sent. */
    @TearDown(Level.Iteration)
    public void awaitConsumer()
    {
        progress.awaitReceived(sent, CATCH_UP_TIMEOUT_NS);
    }

    /** Stops the consumer thread. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        consumer.close();
    }

    private static final class Consumer implements Agent
    {
        private final ArrayBlockingQueue<UnsafeBuffer> queue;
        private final ConsumerProgress progress;

        Consumer(final ArrayBlockingQueue<UnsafeBuffer> queue, final ConsumerProgress progress)
        {
            this.queue = queue;
            this.progress = progress;
        }

        @Override
        public int doWork()
        {
            int received = 0;
            UnsafeBuffer buffer;
            while (null != (buffer = queue.poll()))
            {
                progress.onMessage(buffer.getLong(0));
                received++;
            }
            return received;
        }

        @Override
        public String roleName()
        {
            return "abq-consumer";
        }
    }
}
