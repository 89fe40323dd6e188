package io.ringway.perf.core;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
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
import static io.ringway.perf.core.CoreSettings.MESSAGE_LENGTH;

/**
 * One-hop throughput into a Ringway actor: successful sends per microsecond (= millions per second).
 * <pre>
 *  +------------+  ActorRef.offer   +---------------------------+  EventPoller   +--------------------+
 *  | JMH thread |------------------>| "sink" mailbox            |--------------->| "sink" actor       |
 *  | (producer) |  copies 64 bytes  | 65536 slots, SINGLE prod. |  batch <= 256  | dispatcher "sink"  |
 *  +------------+  spins on full    +---------------------------+                | thread, BUSY_SPIN  |
 *                                                                                +--------------------+
 * </pre>
 * Each iteration's teardown waits until the actor has received, in order, every message sent.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class RingwayOneHop
{
    private final ConsumerProgress progress = new ConsumerProgress();
    private final UnsafeBuffer message = CoreSettings.newMessage();
    private Ringway ringway;
    private ActorRef sink;
    private long sent;

    /** Starts the runtime; the JMH thread becomes the sink's single producer at its first send. */
    @Setup(Level.Trial)
    public void setUp()
    {
        ringway = Ringway.builder()
            .dispatcher("sink", CoreSettings.IDLE)
            .actor("sink", context -> new CountingActor(progress), options -> options
                .dispatcher("sink")
                .singleProducer()
                .ringSize(HOP_RING_SLOTS)
                .maxMessageLength(MESSAGE_LENGTH))
            .build()
            .start();
        sink = ringway.actor("sink");
    }

    /** Sends one message, spinning while the mailbox is full. */
    @Benchmark
    public void hop()
    {
        final UnsafeBuffer message = this.message;
        message.putLong(0, sent);
        long result;
        while ((result = sink.offer(message, 0, MESSAGE_LENGTH)) == SendResult.BACK_PRESSURED)
        {
            Thread.onSpinWait();
        }
        if (result < 0)
        {
            throw new IllegalStateException("offer failed: " + SendResult.describe(result));
        }
        sent++;
    }

    /** Fails the run unless the actor kept up with every message sent. */
    @TearDown(Level.Iteration)
    public void awaitConsumer()
    {
        progress.awaitReceived(sent, CATCH_UP_TIMEOUT_NS);
    }

    /** Closes the runtime and joins its thread. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        ringway.close();
    }

    private static final class CountingActor implements Actor
    {
        private final ConsumerProgress progress;

        CountingActor(final ConsumerProgress progress)
        {
            this.progress = progress;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            progress.onMessage(buffer.getLong(offset));
        }
    }
}
