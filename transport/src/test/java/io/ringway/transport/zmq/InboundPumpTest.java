package io.ringway.transport.zmq;

import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.status.CounterType;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inbound loop on its own, driven cycle by cycle against a scripted socket and sink.
 */
class InboundPumpTest
{
    private final MessageCounters counters = MessageCounters.forOwner(new CountersManager(
        new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024)), new UnsafeBuffer(ByteBuffer.allocateDirect(16 * 1024))),
        "link test", null);
    private final ScriptedMessages messages = new ScriptedMessages();

    @Test
    void shouldHoldABackPressuredMessageWithoutReadingUntilItGoesIn()
    {
        final InboundPump pump = new InboundPump(messages, counters, 16);
        messages.reads(InboundPump.READ, InboundPump.READ);
        messages.results(SendResult.BACK_PRESSURED, SendResult.BACK_PRESSURED, 0, 1);

        assertEquals(1, pump.pump(), "one message read, then held");
        assertEquals(List.of("read 1", "deliver 1"), messages.log);
        assertEquals(0, pump.pump(), "still back-pressured: no work, the socket is not read");
        assertEquals(List.of("read 1", "deliver 1", "deliver 1"), messages.log);
        assertEquals(2, pump.pump(), "the held one first, then the next");
        assertEquals(List.of("read 1", "deliver 1", "deliver 1", "deliver 1", "release 1", "read 2", "deliver 2",
            "release 2"), messages.log);

        assertEquals(1, counters.get(CounterType.BACK_PRESSURED), "once per held message");
        assertEquals(2, counters.get(CounterType.RECEIVED));
        assertEquals(0, counters.get(CounterType.DROPPED));
    }

    @Test
    void shouldCountOtherRefusalsAsDroppedAndLetTheMessageGo()
    {
        final InboundPump pump = new InboundPump(messages, counters, 16);
        messages.reads(InboundPump.READ, InboundPump.READ, InboundPump.READ);
        messages.results(0, SendResult.MESSAGE_TOO_LARGE, 2);

        assertEquals(3, pump.pump());
        assertEquals(List.of("read 1", "deliver 1", "release 1", "read 2", "deliver 2", "release 2", "read 3",
            "deliver 3", "release 3"), messages.log);
        assertEquals(2, counters.get(CounterType.RECEIVED));
        assertEquals(1, counters.get(CounterType.DROPPED));
        assertEquals(0, counters.get(CounterType.BACK_PRESSURED));
    }

    @Test
    void shouldStopAtTheBatchLimitCountingSkippedMessages()
    {
        final InboundPump pump = new InboundPump(messages, counters, 3);
        messages.reads(InboundPump.SKIPPED, InboundPump.READ, InboundPump.SKIPPED, InboundPump.READ);

        assertEquals(3, pump.pump(), "a skipped message counts against the batch");
        assertEquals(List.of("skip", "read 1", "deliver 1", "release 1", "skip"), messages.log);
        assertEquals(1, pump.pump(), "the rest next cycle");
        assertEquals(0, pump.pump(), "the socket reads empty");
        assertEquals(2, counters.get(CounterType.RECEIVED));
    }

    @Test
    void shouldDropTheHeldMessageAtClose()
    {
        final InboundPump pump = new InboundPump(messages, counters, 16);
        messages.reads(InboundPump.READ);
        messages.results(SendResult.BACK_PRESSURED);
        pump.pump();

        assertEquals(1, pump.dropHeld());
        assertEquals(List.of("read 1", "deliver 1", "release 1"), messages.log);
        assertEquals(0, pump.dropHeld(), "nothing held any more");
        assertEquals(1, counters.get(CounterType.DROPPED));
        assertEquals(0, pump.pump(), "nothing left to offer");
        assertEquals(0, counters.get(CounterType.RECEIVED));
    }

    /** A socket that yields the scripted reads, then reads empty, and a sink that answers the scripted codes. */
    private static final class ScriptedMessages implements InboundPump.Messages
    {
        private final ArrayDeque<Integer> reads = new ArrayDeque<>();
        private final ArrayDeque<Long> results = new ArrayDeque<>();
        private final List<String> log = new ArrayList<>();
        private int current;
        private int count;

        void reads(final int... codes)
        {
            for (final int code : codes)
            {
                reads.add(code);
            }
        }

        void results(final long... codes)
        {
            for (final long code : codes)
            {
                results.add(code);
            }
        }

        @Override
        public int read()
        {
            final Integer code = reads.poll();
            if (null == code)
            {
                return InboundPump.EMPTY;
            }
            if (InboundPump.READ == code)
            {
                current = ++count;
                log.add("read " + current);
            }
            else
            {
                log.add("skip");
            }
            return code;
        }

        @Override
        public long deliver()
        {
            log.add("deliver " + current);
            final Long result = results.poll();
            return null == result ? 0 : result;
        }

        @Override
        public void release()
        {
            log.add("release " + current);
        }
    }
}
