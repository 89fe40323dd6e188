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
import static io.ringway.perf.core.CoreSettings.MESSAGE_LENGTH;
import static io.ringway.perf.core.CoreSettings.PING_PONG_RING_SLOTS;

/**
 * Round-trip latency over two Agrona {@link OneToOneRingBuffer}s: one sample is one ping and its pong.
 * <pre>
 *  +------------+  write()          +-----------+  read()    +--------------------------+
 *  | JMH thread |------------------>| ping ring |----------->| echo agent               |
 *  |            |                   +-----------+            | own thread, AgentRunner, |
 *  |            |  read() until     +-----------+  write()   | BusySpinIdleStrategy:    |
 *  |            |<------------------| pong ring |<-----------| writes ping into pong    |
 *  +------------+  pong             +-----------+            +--------------------------+
 *                   rings: 128 KiB, >= 1024 records of 8 header + 64 bytes
 * </pre>
 * The echo writes the pong straight from the ping ring's buffer, one copy per hop as in the other systems.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class AgronaRingPingPong implements MessageHandler
{
    private final UnsafeBuffer message = CoreSettings.newMessage();
    private OneToOneRingBuffer pingRing;
    private OneToOneRingBuffer pongRing;
    private AgentRunner echo;
    private long sequence;
    private long pongs;
    private long lastPong;

    /** Builds both rings and starts the echo thread. */
    @Setup(Level.Trial)
    public void setUp()
    {
        pingRing = new OneToOneRingBuffer(CoreSettings.newAgronaRingBuffer(PING_PONG_RING_SLOTS));
        pongRing = new OneToOneRingBuffer(CoreSettings.newAgronaRingBuffer(PING_PONG_RING_SLOTS));
        echo = CoreSettings.startRunner(new Echo(pingRing, pongRing));
    }

    /** Sends one ping and busy-waits its pong. */
    @Benchmark
    public void pingPong()
    {
        final OneToOneRingBuffer pongRing = this.pongRing;
        final long sequence = ++this.sequence;
        final long pongsBefore = pongs;

        message.putLong(0, sequence);
        if (!pingRing.write(AGRONA_MSG_TYPE_ID, message, 0, MESSAGE_LENGTH))
        {
            throw new IllegalStateException("ping ring full with one message in flight");
        }
        while (pongs == pongsBefore)
        {
            if (pongRing.read(this) == 0)
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
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        lastPong = buffer.getLong(index);
        pongs++;
    }

    /** Stops the echo thread. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        echo.close();
    }

    private static final class Echo implements Agent, MessageHandler
    {
        private final OneToOneRingBuffer pingRing;
        private final OneToOneRingBuffer pongRing;

        Echo(final OneToOneRingBuffer pingRing, final OneToOneRingBuffer pongRing)
        {
            this.pingRing = pingRing;
            this.pongRing = pongRing;
        }

        @Override
        public int doWork()
        {
            return pingRing.read(this);
        }

        @Override
        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            while (!pongRing.write(msgTypeId, buffer, index, length))
            {
                Thread.onSpinWait();
            }
        }

        @Override
        public String roleName()
        {
            return "agrona-echo";
        }
    }
}
