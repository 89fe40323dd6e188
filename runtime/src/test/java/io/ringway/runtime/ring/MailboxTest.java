package io.ringway.runtime.ring;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringway.runtime.status.CounterType;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class MailboxTest
{
    private static final int MAX_LENGTH = 64;
    private final MessageCounters counters = MessageCounters.forDispatcher(newCountersManager(), "test");
    private final Mailbox mailbox = new Mailbox(ProducerType.MULTI, 4, MAX_LENGTH, counters);
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[128]);
    private final List<String> received = new ArrayList<>();

    static CountersManager newCountersManager()
    {
        return new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 512)), new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 128)), StandardCharsets.US_ASCII);
    }

    private final EventPoller.Handler<MessageSlot> collector = (slot, sequence, endOfBatch) ->
    {
        if (slot.messageType() != MessageSlot.ABORTED_TYPE)
        {
            received.add(slot.messageType() + ":" + slot.buffer().getStringWithoutLengthAscii(0, slot.length()));
        }
        return true;
    };

    private long offerText(final int type, final String text)
    {
        final int length = message.putStringWithoutLengthAscii(0, text);
        return mailbox.offer(MessageSlot.NO_SENDER, type, 0, message, 0, length);
    }

    @Test
    void shouldDeliverMessagesInOrderWithTheirHeaders()
    {
        assertTrue(offerText(1, "a") >= 0);
        assertTrue(offerText(2, "bb") >= 0);
        mailbox.poll(collector);
        assertEquals(List.of("1:a", "2:bb"), received);
        assertEquals(0, mailbox.backlog());
    }

    @Test
    void shouldRejectOversizedMessageAndWriteNothing()
    {
        assertEquals(SendResult.MESSAGE_TOO_LARGE, mailbox.offer(MessageSlot.NO_SENDER, 0, 0, message, 0, MAX_LENGTH + 1));
        assertEquals(SendResult.MESSAGE_TOO_LARGE, mailbox.tryClaim(MessageSlot.NO_SENDER, MAX_LENGTH + 1, new SlotClaim()));
        assertEquals(-1, mailbox.position(), "no slot was claimed");
        assertEquals(2, counters.get(CounterType.DROPPED));
        assertTrue(mailbox.offer(MessageSlot.NO_SENDER, 0, 0, message, 0, MAX_LENGTH) >= 0, "exactly max fits");
    }

    @Test
    void shouldReturnBackPressuredWhenRingIsFullAndCountIt()
    {
        for (int i = 0; i < mailbox.capacity(); i++)
        {
            assertTrue(offerText(i, "x") >= 0);
        }
        assertEquals(SendResult.BACK_PRESSURED, offerText(9, "y"));
        assertEquals(1, counters.get(CounterType.BACK_PRESSURED));

        mailbox.poll(collector);
        assertTrue(offerText(9, "y") >= 0, "space again once the consumer has caught up");
    }

    @Test
    void shouldRefuseEveryoneOnceClosed()
    {
        mailbox.close();
        assertEquals(SendResult.CLOSED, offerText(1, "late"));
        assertEquals(SendResult.CLOSED, mailbox.offer(7, 1, 0, message, 0, 1));
        assertEquals(2, counters.get(CounterType.DROPPED));
    }

    @Test
    void shouldRefuseOutsideSendersButAcceptActorsWhileDraining()
    {
        mailbox.drain();
        assertEquals(SendResult.CLOSED, offerText(1, "outside"));
        assertTrue(mailbox.offer(3, 1, 0, message, 0, 1) >= 0, "an actor's send in flight may still land");
    }

    @Test
    void shouldSkipAbortedClaimAndDeliverCommittedOne()
    {
        final SlotClaim claim = new SlotClaim();
        assertTrue(mailbox.tryClaim(MessageSlot.NO_SENDER, 3, claim) >= 0);
        claim.buffer().putStringWithoutLengthAscii(0, "bad");
        claim.abort();
        assertTrue(mailbox.tryClaim(MessageSlot.NO_SENDER, 2, claim) >= 0);
        claim.buffer().putStringWithoutLengthAscii(0, "ok");
        claim.messageType(5).commit();

        mailbox.poll(collector);
        assertEquals(List.of("5:ok"), received);
        assertThrows(IllegalStateException.class, claim::commit, "a claim is committed once");
    }

    @Test
    void shouldShowOnlyTheBodyOfAClaimWithAPrefixTopic()
    {
        final SlotClaim claim = new SlotClaim();
        assertTrue(mailbox.tryClaim(MessageSlot.NO_SENDER, 6, claim) >= 0);
        claim.prefixTopic("id-".getBytes(StandardCharsets.US_ASCII));
        assertEquals(3, claim.length(), "the body's length");
        claim.buffer().putStringWithoutLengthAscii(0, "abc");
        assertThrows(IllegalStateException.class, () -> claim.topicLength(0), "the prefix is the topic");
        assertThrows(IllegalStateException.class, () -> claim.prefixTopic(new byte[1]), "one prefix");
        claim.commit();
        final List<String> topics = new ArrayList<>();
        mailbox.poll((slot, sequence, endOfBatch) ->
        {
            topics.add(slot.topicLength() + ":" + slot.buffer().getStringWithoutLengthAscii(0, slot.length()));
            return true;
        });
        assertEquals(List.of("3:id-abc"), topics);

        assertTrue(mailbox.tryClaim(MessageSlot.NO_SENDER, 2, claim) >= 0);
        assertEquals(2, claim.length(), "the next claim has no prefix");
        assertThrows(IllegalArgumentException.class, () -> claim.prefixTopic(new byte[3]));
        claim.abort();
    }

    @Test
    void shouldPublishFailedCopyAsAbortedSoTheRingIsNeverStuck()
    {
        assertThrows(IndexOutOfBoundsException.class,
            () -> mailbox.offer(MessageSlot.NO_SENDER, 1, 0, message, 120, 20), "source range outside its buffer");
        assertTrue(offerText(2, "next") >= 0);
        mailbox.poll(collector);
        assertEquals(List.of("2:next"), received);
    }

    @Test
    void shouldRefuseASecondThreadOnSingleProducerMailbox() throws Exception
    {
        final Mailbox single = new Mailbox(ProducerType.SINGLE, 4, MAX_LENGTH, counters);
        assertTrue(single.offer(MessageSlot.NO_SENDER, 0, 0, message, 0, 1) >= 0);
        final AtomicLong fromOtherThread = new AtomicLong();
        final Thread other = new Thread(() -> fromOtherThread.set(single.offer(MessageSlot.NO_SENDER, 0, 0, message, 0, 1)));
        other.start();
        other.join();
        assertEquals(SendResult.NOT_SINGLE_PRODUCER, fromOtherThread.get());
        assertEquals(0, single.position(), "only the first message was claimed");
    }

    @Test
    void shouldCountBacklogDiscardedAtClose()
    {
        offerText(1, "a");
        offerText(1, "b");
        mailbox.close();
        assertEquals(2, mailbox.discardBacklog());
        assertEquals(2, counters.get(CounterType.DROPPED));
        assertEquals(0, mailbox.backlog());
    }

    @Test
    void shouldRefuseEverySenderButTheOneItAcceptsOnlyFrom()
    {
        mailbox.acceptOnlyFrom(4);
        assertEquals(SendResult.REFUSED, mailbox.offer(5, 0, 0, message, 0, 1));
        assertEquals(SendResult.REFUSED, offerText(0, "outside"));
        assertTrue(mailbox.offer(4, 0, 0, message, 0, 1) >= 0);
        assertEquals(2, counters.get(CounterType.DROPPED));
        assertEquals("REFUSED", SendResult.describe(SendResult.REFUSED));
    }
}
