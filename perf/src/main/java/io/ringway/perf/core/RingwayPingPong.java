package io.ringway.perf.core;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
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

import static io.ringway.perf.core.CoreSettings.MESSAGE_LENGTH;
import static io.ringway.perf.core.CoreSettings.PING_PONG_RING_SLOTS;

/**
 * Round-trip latency between two Ringway actors: one sample is one ping and its pong.
 * <pre>
 *  +--------------- JMH thread ----------------+            +---------- dispatcher "pong" -----------+
 *  | "pinger", on callerDispatcher("caller")   |   ping     | "ponger"                               |
 *  |  context.send(ponger, 64 bytes) ----------+----------->|  mailbox 1024 slots, SINGLE producer   |
 *  |                                           |            |  context.reply(buffer, offset, length) |
 *  |  mailbox 1024 slots, SINGLE producer <----+------------+                                        |
 *  |  invoker("caller").invoke() until pong    |   pong     |  own thread, BUSY_SPIN                 |
 *  +-------------------------------------------+            +----------------------------------------+
 * </pre>
 * The JMH thread owns the caller-run dispatcher: it sends through the pinger's context (so the ponger can
 * reply) and runs the pinger's duty cycles until its handler has seen the pong, spinning between empty ones.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class RingwayPingPong
{
    private final UnsafeBuffer message = CoreSettings.newMessage();
    private Ringway ringway;
    private AgentInvoker invoker;
    private ActorRef ponger;
    private Pinger pinger;
    private long sequence;

    /** Starts the runtime on the JMH thread, which creates the pinger and drives its dispatcher. */
    @Setup(Level.Trial)
    public void setUp()
    {
        ringway = Ringway.builder()
            .callerDispatcher("caller")
            .dispatcher("pong", CoreSettings.IDLE)
            .actor("pinger", this::newPinger, options -> options
                .dispatcher("caller")
                .singleProducer()
                .ringSize(PING_PONG_RING_SLOTS)
                .maxMessageLength(MESSAGE_LENGTH))
            .actor("ponger", Ponger::new, options -> options
                .dispatcher("pong")
                .singleProducer()
                .ringSize(PING_PONG_RING_SLOTS)
                .maxMessageLength(MESSAGE_LENGTH))
            .build()
            .start();
        invoker = ringway.invoker("caller");
        ponger = ringway.actor("ponger");
    }

    private Actor newPinger(final ActorContext context)
    {
        pinger = new Pinger(context);
        return pinger;
    }

    /** Sends one ping and busy-waits its pong. */
    @Benchmark
    public void pingPong()
    {
        final Pinger pinger = this.pinger;
        final AgentInvoker invoker = this.invoker;
        final long sequence = ++this.sequence;
        final long pongsBefore = pinger.pongs;

        message.putLong(0, sequence);
        final long result = pinger.context.send(ponger, message, 0, MESSAGE_LENGTH);
        if (result < 0)
        {
            throw new IllegalStateException("ping failed: " + SendResult.describe(result));
        }
        while (pinger.pongs == pongsBefore)
        {
            if (invoker.invoke() == 0)
            {
                Thread.onSpinWait();
            }
        }
        if (pinger.lastPong != sequence)
        {
            throw new IllegalStateException("pong " + pinger.lastPong + " for ping " + sequence);
        }
    }

    /** Closes the runtime from the thread that drives its caller-run dispatcher. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        ringway.close();
    }

    private static final class Pinger implements Actor
    {
        private final ActorContext context;
        private long pongs;
        private long lastPong;

        Pinger(final ActorContext context)
        {
            this.context = context;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            lastPong = buffer.getLong(offset);
            pongs++;
        }
    }

    private static final class Ponger implements Actor
    {
        private final ActorContext context;

        Ponger(final ActorContext context)
        {
            this.context = context;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            final long result = context.reply(buffer, offset, length);
            if (result < 0)
            {
                // With one message in flight the pinger's mailbox cannot be full: any refusal is a fault.
                throw new IllegalStateException("pong failed: " + SendResult.describe(result));
            }
        }
    }
}
