package io.ringway.perf.core;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
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

import static io.ringway.perf.core.CoreSettings.PING_PONG_RING_SLOTS;

/**
 * Round-trip latency over two raw Disruptor 4 rings: one sample is one ping and its pong.
 * <pre>
 *  +------------+  tryNext/publish  +-----------+  barrier   +-------------------------+
 *  | JMH thread |------------------>| ping ring |----------->| BatchEventProcessor     |
 *  |            |                   +-----------+            | own thread, busy-spin:  |
 *  |            |  EventPoller      +-----------+  tryNext/  | copies ping into pong   |
 *  |            |<------------------| pong ring |<-----------|                         |
 *  +------------+  poll until pong  +-----------+  publish   +-------------------------+
 *                   rings: 1024 slots, SINGLE producer, BusySpinWaitStrategy
 * </pre>
 * The JMH thread polls the pong ring with an {@link EventPoller}, as a Ringway dispatcher polls a mailbox,
 * spinning between empty polls.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class DisruptorPingPong implements EventPoller.Handler<PayloadEvent>
{
    private final UnsafeBuffer message = CoreSettings.newMessage();
    private RingBuffer<PayloadEvent> pingRing;
    private EventPoller<PayloadEvent> pongPoller;
    private BatchEventProcessor<PayloadEvent> echo;
    private Thread echoThread;
    private long sequence;
    private long pongs;
    private long lastPong;

    /** Builds both rings and starts the echo thread. */
    @Setup(Level.Trial)
    public void setUp()
    {
        pingRing = RingBuffer.createSingleProducer(
            PayloadEvent.factory(PING_PONG_RING_SLOTS), PING_PONG_RING_SLOTS, CoreSettings.newWaitStrategy());
        final RingBuffer<PayloadEvent> pongRing = RingBuffer.createSingleProducer(
            PayloadEvent.factory(PING_PONG_RING_SLOTS), PING_PONG_RING_SLOTS, CoreSettings.newWaitStrategy());
        pongPoller = pongRing.newPoller();
        pongRing.addGatingSequences(pongPoller.getSequence());

        echo = new BatchEventProcessorBuilder().build(pingRing, pingRing.newBarrier(), new Echo(pongRing));
        pingRing.addGatingSequences(echo.getSequence());
        echoThread = new Thread(echo, "disruptor-echo");
        echoThread.setDaemon(true);
        echoThread.start();
    }

    /**
     * Sends one ping and busy-waits its pong.
     *
     * @throws Exception if the poller's handler throws.
     */
    @Benchmark
    public void pingPong() throws Exception
    {
        final EventPoller<PayloadEvent> pongPoller = this.pongPoller;
        final long sequence = ++this.sequence;
        final long pongsBefore = pongs;

        message.putLong(0, sequence);
        PayloadEvent.publish(pingRing, message);
        while (pongs == pongsBefore)
        {
            if (pongPoller.poll(this) != EventPoller.PollState.PROCESSING)
            {
                Thread.onSpinWait();
            }
        }
        if (lastPong != sequence)
        {
            throw new IllegalStateException("pong " + lastPong + " for ping " + sequence);
        }
    }

    /** {@inheritDoc} */
    @Override
    public boolean onEvent(final PayloadEvent event, final long sequence, final boolean endOfBatch)
    {
        lastPong = event.buffer.getLong(0);
        pongs++;
        return true;
    }

    /**
     * Stops the echo thread.
     *
     * @throws InterruptedException if interrupted while joining it.
     */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        echo.halt();
        echoThread.join();
    }

    private static final class Echo implements EventHandler<PayloadEvent>
    {
        private final RingBuffer<PayloadEvent> pongRing;

        Echo(final RingBuffer<PayloadEvent> pongRing)
        {
            this.pongRing = pongRing;
        }

        @Override
        public void onEvent(final PayloadEvent event, final long sequence, final boolean endOfBatch)
        {
            PayloadEvent.publish(pongRing, event.buffer);
        }
    }
}
