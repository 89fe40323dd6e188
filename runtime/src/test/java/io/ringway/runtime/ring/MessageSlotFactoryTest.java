package io.ringway.runtime.ring;

import org.agrona.BitUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MessageSlotFactoryTest
{
    private static final int MAX_LENGTH = 64;

    @Test
    void shouldPutEachHeaderOnACacheLineJustBeforeItsPayload()
    {
        final MessageSlotFactory factory = new MessageSlotFactory(4, MAX_LENGTH);
        long previousFrameEnd = 0;
        for (int i = 0; i < 4; i++)
        {
            final UnsafeBuffer payload = factory.newInstance().buffer();
            final long frameStart = payload.addressOffset() - MessageSlot.HEADER_LENGTH;
            assertEquals(0, frameStart % BitUtil.CACHE_LINE_LENGTH, "slot " + i + " frame not line aligned");
            assertEquals(MAX_LENGTH, payload.capacity());
            assertTrue(frameStart >= previousFrameEnd, "slot " + i + " overlaps the slot before");
            previousFrameEnd = payload.addressOffset() + payload.capacity();
        }
    }

    @Test
    void shouldKeepHeaderFieldsOutOfThePayload()
    {
        final MessageSlot slot = new MessageSlotFactory(1, MAX_LENGTH).newInstance();
        slot.buffer().setMemory(0, MAX_LENGTH, (byte)0x5A);
        slot.reset(7, 42, MAX_LENGTH);
        slot.correlationId(-3L);
        slot.timestampNs(Long.MAX_VALUE);
        slot.topicLength(5);

        assertEquals(7, slot.messageType());
        assertEquals(42, slot.senderId());
        assertEquals(MAX_LENGTH, slot.length());
        assertEquals(-3L, slot.correlationId());
        assertEquals(Long.MAX_VALUE, slot.timestampNs());
        assertEquals(5, slot.topicLength());
        for (int i = 0; i < MAX_LENGTH; i++)
        {
            assertEquals((byte)0x5A, slot.buffer().getByte(i), "payload byte " + i);
        }
    }

    @Test
    void shouldRefuseMoreSlotsThanItWasSizedFor()
    {
        final MessageSlotFactory factory = new MessageSlotFactory(1, MAX_LENGTH);
        factory.newInstance();
        assertThrows(IllegalStateException.class, factory::newInstance);
    }
}
