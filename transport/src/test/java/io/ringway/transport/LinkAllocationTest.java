package io.ringway.transport;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.status.CounterType;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bytes allocated per message by each link's own thread, measured with the JVM's per-thread allocation counter
 * over a steady run of 64-byte messages. JeroMQ allocates a frame object and its array for each frame it sends or
 * receives (the receiving frame on its I/O thread, not on the link's); the bounds here catch any allocation the
 * bridge adds on top: a copy, a boxed value, an iterator.
 */
class LinkAllocationTest
{
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;

    @TempDir
    Path directoryA;
    @TempDir
    Path directoryB;

    private Ringway sender;
    private Ringway receiver;

    @AfterEach
    void close()
    {
        if (null != receiver)
        {
            receiver.close();
        }
        if (null != sender)
        {
            sender.close();
        }
    }

    @Test
    void shouldAllocateOnlyJeroMqFramesPerMessage()
    {
        sender = Ringway.builder()
            .runtimeDirectory(directoryA)
            .drainTimeout(Duration.ofSeconds(1))
            .link(new LinkSpec("out", LinkShape.DISTRIBUTE).bind("tcp://127.0.0.1:*").port(1024, 64))
            .build().start();
        final String endpoint = ((ZmqLink)sender.link("out")).endpoints().get(0).endpoint().toString();
        receiver = Ringway.builder()
            .runtimeDirectory(directoryB)
            .actor("sink", context -> (buffer, offset, length, header) -> { })
            // No heartbeat: this measures allocation, and a loaded machine must not turn a stall into a lost link.
            .link(new LinkSpec("in", LinkShape.COLLECT).connect(endpoint).deliverTo("sink")
                .limits(new LinkLimits(1_000, 2_000, 0, 0, 1_000)))
            .build().start();

        run(WARM_UP);
        final long outBefore = allocated("ringway-link-out");
        final long inBefore = allocated("ringway-link-in");
        run(MEASURED);
        final double outPerMessage = (allocated("ringway-link-out") - outBefore) / (double)MEASURED;
        final double inPerMessage = (allocated("ringway-link-in") - inBefore) / (double)MEASURED;
        System.out.printf("link allocation, 64-byte messages: outbound %.1f B/msg, inbound %.1f B/msg%n",
            outPerMessage, inPerMessage);

        // Outbound: JeroMQ's Msg (about 40 B), its ByteBuffer (about 48 B) and the 64-byte array (80 B).
        assertTrue(outPerMessage < 256, "outbound link thread allocates " + outPerMessage + " B per message");
        // Inbound: the frame comes allocated from JeroMQ's I/O thread; the link copies it into a slot.
        assertTrue(inPerMessage < 64, "inbound link thread allocates " + inPerMessage + " B per message");
    }

    private void run(final int count)
    {
        final long target = receiver.linkCounters("in").get(CounterType.RECEIVED) + count;
        final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
        for (int i = 0; i < count; i++)
        {
            message.putInt(0, i);
            while (sender.actor("out").offer(message, 0, 64) < 0)
            {
                Thread.onSpinWait();
            }
        }
        Await.until(() -> receiver.linkCounters("in").get(CounterType.RECEIVED) == target, Duration.ofSeconds(30),
            () -> "received " + receiver.linkCounters("in").get(CounterType.RECEIVED) + " of " + target);
    }

    private static long allocated(final String threadName)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().equals(threadName))
            {
                return threads.getThreadAllocatedBytes(thread.getId());
            }
        }
        throw new AssertionError("no thread named " + threadName);
    }
}
