package io.ringway.perf.core;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
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

import static io.ringway.perf.core.CoreSettings.AGRONA_MSG_TYPE_ID;
import static io.ringway.perf.core.CoreSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.core.CoreSettings.HOP_RING_SLOTS;
import static io.ringway.perf.core.CoreSettings.MESSAGE_LENGTH;

/**
 * One-hop throughput through an Agrona {@link OneToOneRingBuffer}: successful sends per microsecond
 * (= millions per second).
 * <pre>
 *  +------------+  write()          +-----------------------------+  read()  +--------------------------+
 *  | JMH thread |------------------>| OneToOneRingBuffer          |--------->| consumer agent           |
 *  | (producer) |  copies 64 bytes  | 8 MiB: >= 65536 records of  |          | own thread, AgentRunner, |
 *  +------------+  spins on full    | 8 header + 64 bytes         |          | BusySpinIdleStrategy     |
 *                                   +-----------------------------+          +--------------------------+
 * </pre>
 * The capacity is the smallest power of two that holds 65536 such records (Agrona needs a power of two).
 * Each iteration's teardown waits until the consumer has received, in order, every message sent.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class AgronaRingOneHop
{
    private final ConsumerProgress progress = new ConsumerProgress();
    private final UnsafeBuffer message = CoreSettings.newMessage();
    private OneToOneRingBuffer ring;
    private AgentRunner consumer;
    private long sent;

    /** Builds the ring and starts the consumer thread. */
    @Setup(Level.Trial)
    public void setUp()
    {
        ring = new OneToOneRingBuffer(CoreSettings.newAgronaRingBuffer(HOP_RING_SLOTS));
        consumer = CoreSettings.startRunner(new Consumer(ring, progress));
    }

    /** Sends one message, spinning while the ring is full. */
    @Benchmark
    public void hop()
    {
        final UnsafeBuffer message = this.message;
        message.putLong(0, sent);
        while (!ring.write(AGRONA_MSG_TYPE_ID, message, 0, MESSAGE_LENGTH))
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

    private static final class Consumer implements Agent, MessageHandler
    {
        private final OneToOneRingBuffer ring;
        private final ConsumerProgress progress;

        Consumer(final OneToOneRingBuffer ring, final ConsumerProgress progress)
        {
            this.ring = ring;
            this.progress = progress;
        }

        @Override
        public int doWork()
        {
            return ring.read(this);
        }

        @Override
        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            progress.onMessage(buffer.getLong(index));
        }

        @Override
        public String roleName()
        {
            return "agrona-consumer";
        }
    }
}
