package io.ringway.perf.core;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.ringway.runtime.agent.Idle;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The shape shared by every core benchmark, so that the systems differ only in themselves.
 */
public final class CoreSettings
{
    /** The system property that sets {@link #MESSAGE_LENGTH} in a JMH fork: {@code bench --size} passes it. */
    public static final String MESSAGE_LENGTH_PROPERTY = "ringway.perf.messageLength";

    /** Bytes in every message: 64 unless {@link #MESSAGE_LENGTH_PROPERTY} says otherwise. */
    public static final int MESSAGE_LENGTH = Integer.getInteger(MESSAGE_LENGTH_PROPERTY, 64);

    /** The system property that sets {@link #IDLE} in a JMH fork, an {@link Idle} name: {@code bench --idle}. */
    public static final String IDLE_PROPERTY = "ringway.perf.idle";

    /**
     * How every consumer, echo and worker thread of a benchmark waits for work: Ringway's dispatchers, the
     * {@link #startRunner} threads of the other systems and the Disruptor's {@link #newWaitStrategy}. Busy spin
     * unless {@link #IDLE_PROPERTY} says otherwise. The JMH thread itself always spins while it waits a reply.
     */
    public static final Idle IDLE = Idle.valueOf(System.getProperty(IDLE_PROPERTY, Idle.BUSY_SPIN.name()));

    /** Messages a one-hop ring (or queue) holds. */
    public static final int HOP_RING_SLOTS = 65_536;

    /** Messages a ping-pong ring (or queue) holds; one is in flight at a time. */
    public static final int PING_PONG_RING_SLOTS = 1024;

    /** How long an iteration's teardown waits for the consumer to catch up before failing the run. */
    public static final long CATCH_UP_TIMEOUT_NS = 10_000_000_000L;

    /** Agrona's message type id for every message; any positive value does. */
    public static final int AGRONA_MSG_TYPE_ID = 1;

    private CoreSettings()
    {
    }

    /**
     * @return a zeroed, cache-line aligned, off-heap buffer of {@link #MESSAGE_LENGTH} bytes to send from.
     */
    public static UnsafeBuffer newMessage()
    {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(MESSAGE_LENGTH, BitUtil.CACHE_LINE_LENGTH));
    }

    /**
     * @param count how many messages.
     * @return views of {@link #MESSAGE_LENGTH} bytes each on their own cache-line aligned regions of one off-heap
     * block, the layout of a Ringway mailbox's slots.
     */
    public static UnsafeBuffer[] newMessages(final int count)
    {
        final int stride = BitUtil.align(MESSAGE_LENGTH, BitUtil.CACHE_LINE_LENGTH);
        final UnsafeBuffer block = new UnsafeBuffer(
            BufferUtil.allocateDirectAligned(Math.multiplyExact(count, stride), BitUtil.CACHE_LINE_LENGTH));
        final UnsafeBuffer[] messages = new UnsafeBuffer[count];
        for (int i = 0; i < count; i++)
        {
            messages[i] = new UnsafeBuffer(block, i * stride, MESSAGE_LENGTH);
        }
        return messages;
    }

    /**
     * Runs a consumer the way a Ringway dispatcher runs: an {@link AgentRunner} with the {@link #IDLE} strategy,
     * on a daemon thread.
     *
     * @param agent the consumer's duty cycle.
     * @return the runner, to {@code close()} at teardown.
     */
    public static AgentRunner startRunner(final Agent agent)
    {
        return start(IDLE.newStrategy(), agent);
    }

    /**
     * @return a Disruptor wait strategy that waits as {@link #IDLE} does: busy spin, yield, or spin-yield-park
     * ({@code SleepingWaitStrategy}, for backoff; with 1 ms parks, for sleeping).
     */
    public static WaitStrategy newWaitStrategy()
    {
        switch (IDLE)
        {
            case BUSY_SPIN: return new BusySpinWaitStrategy();
            case YIELDING: return new YieldingWaitStrategy();
            case SLEEPING: return new SleepingWaitStrategy(0, 1_000_000);
            default: return new SleepingWaitStrategy();
        }
    }

    /**
     * Runs a consumer on a busy-spinning {@link AgentRunner} ({@link BusySpinIdleStrategy}), on a daemon thread,
     * whatever {@link #IDLE} says.
     *
     * @param agent the consumer's duty cycle.
     * @return the runner, to {@code close()} at teardown.
     */
    public static AgentRunner startBusySpinning(final Agent agent)
    {
        return start(new BusySpinIdleStrategy(), agent);
    }

    private static AgentRunner start(final IdleStrategy idle, final Agent agent)
    {
        final AgentRunner runner = new AgentRunner(idle, Throwable::printStackTrace, null, agent);
        final Thread thread = new Thread(runner, agent.roleName());
        thread.setDaemon(true);
        thread.start();
        return runner;
    }

    /**
     * An Agrona ring buffer holds records of {@code 8 + length} bytes in a power-of-two capacity: this is the
     * smallest one that holds at least {@code messages} messages of {@link #MESSAGE_LENGTH} bytes.
     *
     * @param messages how many messages the ring must hold.
     * @return a zeroed, off-heap buffer for {@code OneToOneRingBuffer}, its trailer included.
     */
    public static UnsafeBuffer newAgronaRingBuffer(final int messages)
    {
        final int recordLength = BitUtil.align(
            RecordDescriptor.HEADER_LENGTH + MESSAGE_LENGTH, RecordDescriptor.ALIGNMENT);
        final int capacity = BitUtil.findNextPositivePowerOfTwo(messages * recordLength);
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            capacity + RingBufferDescriptor.TRAILER_LENGTH, BitUtil.CACHE_LINE_LENGTH));
    }
}
