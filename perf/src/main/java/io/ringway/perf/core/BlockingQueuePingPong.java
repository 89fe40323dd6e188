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

import static io.ringway.perf.core.CoreSettings.MESSAGE_LENGTH;
import static io.ringway.perf.core.CoreSettings.PING_PONG_RING_SLOTS;

/**
 * Round-trip latency over two {@link ArrayBlockingQueue}s: one sample is one ping and its pong.
 * <pre>
 *  +------------+  offer(ping buffer)  +------------+  poll()    +--------------------------+
 *  | JMH thread |--------------------->| ping queue |----------->| echo agent               |
 *  |            |                      +------------+            | own thread, AgentRunner, |
 *  |            |  poll() until pong   +------------+  offer()   | BusySpinIdleStrategy:    |
 *  |            |<---------------------| pong queue |<-----------| copies ping into pong    |
 *  +------------+                      +------------+            +--------------------------+
 *                  queues: capacity 1024; one pre-allocated 64-byte buffer each way
 * </pre>
 * One message is in flight at a time, so each side reuses one buffer: it is written again only after the other
 * side has answered, and so is done with it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class BlockingQueuePingPong
{
    private final UnsafeBuffer message = CoreSettings.newMessage();
    private final UnsafeBuffer ping = CoreSettings.newMessage();
    private final ArrayBlockingQueue<UnsafeBuffer> pingQueue = new ArrayBlockingQueue<>(PING_PONG_RING_SLOTS);
    private final ArrayBlockingQueue<UnsafeBuffer> pongQueue = new ArrayBlockingQueue<>(PING_PONG_RING_SLOTS);
    private AgentRunner echo;
    private long sequence;

    /** Starts the echo thread. */
    @Setup(Level.Trial)
    public void setUp()
    {
        echo = CoreSettings.startRunner(new Echo(pingQueue, pongQueue));
    }

    /** Sends one ping and busy-waits its pong. */
    @Benchmark
    public void pingPong()
    {
        final long sequence = ++this.sequence;
        message.putLong(0, sequence);
        ping.putBytes(0, message, 0, MESSAGE_LENGTH);
        if (!pingQueue.offer(ping))
        {
            throw new IllegalStateException("ping queue full with one message in flight");
        }
        UnsafeBuffer pong;
        while (null == (pong = pongQueue.poll()))
        {
            Thread.onSpinWait();
        }
        if (pong.getLong(0) != sequence)
        {
            throw new IllegalStateException("pong " + pong.getLong(0) + " for ping " + sequence);
        }
    }

    /** Stops the echo thread. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        echo.close();
    }

    private static final class Echo implements Agent
    {
        private final ArrayBlockingQueue<UnsafeBuffer> pingQueue;
        private final ArrayBlockingQueue<UnsafeBuffer> pongQueue;
        private final UnsafeBuffer pong = CoreSettings.newMessage();

        Echo(final ArrayBlockingQueue<UnsafeBuffer> pingQueue, final ArrayBlockingQueue<UnsafeBuffer> pongQueue)
        {
            this.pingQueue = pingQueue;
            this.pongQueue = pongQueue;
        }

        @Override
        public int doWork()
        {
            final UnsafeBuffer ping = pingQueue.poll();
            if (null == ping)
            {
                return 0;
            }
            pong.putBytes(0, ping, 0, MESSAGE_LENGTH);
            while (!pongQueue.offer(pong))
            {
                Thread.onSpinWait();
            }
            return 1;
        }

        @Override
        public String roleName()
        {
            return "abq-echo";
        }
    }
}
