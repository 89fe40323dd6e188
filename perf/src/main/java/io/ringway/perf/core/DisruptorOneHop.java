package io.ringway.perf.core;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
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

import static io.ringway.perf.core.CoreSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.core.CoreSettings.HOP_RING_SLOTS;

/**
 * One-hop throughput through a raw Disruptor 4 ring: successful sends per microsecond (= millions per second).
 * <pre>
 *  +------------+  tryNext/publish  +---------------------------+  barrier   +-------------------------+
 *  | JMH thread |------------------>| RingBuffer                |----------->| BatchEventProcessor     |
 *  | (producer) |  copies 64 bytes  | 65536 slots, SINGLE prod. |            | own thread,             |
 *  +------------+  spins on full    | BusySpinWaitStrategy      |            | BusySpinWaitStrategy    |
 *                                   +---------------------------+            +-------------------------+
 * </pre>
 * The producer claims with {@code tryNext()} and spins on {@code InsufficientCapacityException}, as Ringway
 * does; {@code next()} would park on a full ring. Each iteration's teardown waits until the consumer has
 * received, in order, every message sent.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class DisruptorOneHop
{
    private final ConsumerProgress progress = new ConsumerProgress();
    private final UnsafeBuffer message = CoreSettings.newMessage();
    private RingBuffer<PayloadEvent> ring;
    private BatchEventProcessor<PayloadEvent> processor;
    private Thread consumerThread;
    private long sent;

    /** Builds the ring and starts the consumer thread. */
    @Setup(Level.Trial)
    public void setUp()
    {
        ring = RingBuffer.createSingleProducer(
            PayloadEvent.factory(HOP_RING_SLOTS), HOP_RING_SLOTS, CoreSettings.newWaitStrategy());
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), new Consumer(progress));
        ring.addGatingSequences(processor.getSequence());
        consumerThread = new Thread(processor, "disruptor-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
    }

    /** Sends one message, spinning while the ring is full. */
    @Benchmark
    public void hop()
    {
        final UnsafeBuffer message = this.message;
        message.putLong(0, sent);
        PayloadEvent.publish(ring, message);
        sent++;
    }

    /** Fails the run unless the consumer kept up with every message sent. */
    @TearDown(Level.Iteration)
    public void awaitConsumer()
    {
        progress.awaitReceived(sent, CATCH_UP_TIMEOUT_NS);
    }

    /**
     * Stops the consumer thread.
     *
     * @throws InterruptedException if interrupted while joining it.
     */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        processor.halt();
        consumerThread.join();
    }

    private static final class Consumer implements EventHandler<PayloadEvent>
    {
        private final ConsumerProgress progress;

        Consumer(final ConsumerProgress progress)
        {
            this.progress = progress;
        }

        @Override
        public void onEvent(final PayloadEvent event, final long sequence, final boolean endOfBatch)
        {
            progress.onMessage(event.buffer.getLong(0));
        }
    }
}
