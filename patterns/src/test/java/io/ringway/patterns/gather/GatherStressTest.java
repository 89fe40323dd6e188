package io.ringway.patterns.gather;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.Await;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Three requesters, each on its own dispatcher thread and with its own gather operator, keep a window of gathers
 * open over the same three members, which run on two other threads. Every gather must complete exactly once with
 * every member's reply to that gather, and nothing may be late, missed or crossed over.
 * <pre>
 *   quoter0 [thread] --+               +--> venue0 [thread a] --+
 *   quoter1 [thread] --+-- scatter ----+--> venue1 [thread a] --+-- replies to each quoter's address
 *   quoter2 [thread] --+               +--> venue2 [thread b] --+
 * </pre>
 */
class GatherStressTest
{
    private static final int REQUESTERS = 3;
    private static final int MEMBERS = 3;
    private static final int GATHERS = 2_000;
    private static final int WINDOW = 8;
    private static final int GO = 1;

    @TempDir
    Path runtimeDirectory;

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final Map<String, Gatherer> gatherers = new ConcurrentHashMap<>();

    private final class Quoter implements Actor
    {
        private final String name;
        private final int number;
        private final Gatherer gatherer;
        private final UnsafeBuffer request = new UnsafeBuffer(new byte[16]);
        private final Map<Long, Integer> sequenceById = new HashMap<>();
        private final BitSet completed = new BitSet(GATHERS);
        private int sent;
        private int results;

        Quoter(final ActorContext context)
        {
            name = context.name();
            number = name.charAt(name.length() - 1) - '0';
            gatherer = context.attachment("quotes" + number, Gatherer.class);
            gatherers.put(name, gatherer);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (header.messageType() == GO)
            {
                while (sent < WINDOW)
                {
                    scatter();
                }
                return;
            }
            if (header.messageType() != PatternMessages.GATHER_RESULT)
            {
                failures.add(name + ": unexpected type " + header.messageType());
                return;
            }
            final Integer sequence = sequenceById.remove(header.correlationId());
            final GatherResult result = gatherer.result();
            if (null == sequence || completed.get(sequence) || result.replyCount() != MEMBERS
                || result.deadlinePassed())
            {
                failures.add(name + ": result of " + header.correlationId() + " for " + sequence + " with "
                    + result.replyCount() + " replies");
                return;
            }
            for (int i = 0; i < MEMBERS; i++)
            {
                final int replyOffset = result.replyOffset(i);
                final DirectBuffer reply = result.replyBuffer();
                if (result.replyLength(i) != 12 || reply.getInt(replyOffset) != number
                    || reply.getInt(replyOffset + 4) != sequence || reply.getInt(replyOffset + 8) != i)
                {
                    failures.add(name + ": gather " + sequence + " member " + i + " replied "
                        + reply.getInt(replyOffset) + "/" + reply.getInt(replyOffset + 4) + "/"
                        + reply.getInt(replyOffset + 8));
                }
            }
            completed.set(sequence);
            if (++results == GATHERS)
            {
                finished.incrementAndGet();
            }
            else if (sent < GATHERS)
            {
                scatter();
            }
        }

        private void scatter()
        {
            request.putInt(0, number);
            request.putInt(4, sent);
            final long id = gatherer.scatter(request, 0, 8);
            if (id <= 0)
            {
                failures.add(name + ": gather " + sent + " refused with " + SendResult.describe(id));
                return;
            }
            sequenceById.put(id, sent++);
        }
    }

    private ActorFactory venue(final int number)
    {
        return context ->
        {
            final UnsafeBuffer reply = new UnsafeBuffer(new byte[16]);
            return (buffer, offset, length, header) ->
            {
                reply.putBytes(0, buffer, offset, 8);
                reply.putInt(8, number);
                final long replied = context.reply(reply, 0, 12);
                if (replied < 0)
                {
                    failures.add(context.name() + ": reply refused with " + SendResult.describe(replied));
                }
            };
        };
    }

    @Test
    void shouldCompleteEveryGatherOnceWithEveryMembersReplyUnderLoad()
    {
        final TopologyBuilder topology = Topology.builder()
            .runtime(runtime -> runtime
                .runtimeDirectory(runtimeDirectory)
                .errorHandler(ex -> failures.add(ex.toString())))
            .dispatcher("a")
            .dispatcher("b");
        final String[] venues = new String[MEMBERS];
        for (int i = 0; i < MEMBERS; i++)
        {
            venues[i] = "venue" + i;
            final String dispatcher = i < 2 ? "a" : "b";
            topology.actor(venues[i], venue(i), actor -> actor.dispatcher(dispatcher));
        }
        final String[] quoters = new String[REQUESTERS];
        for (int i = 0; i < REQUESTERS; i++)
        {
            quoters[i] = "quoter" + i;
            final String dispatcher = "q" + i;
            final String name = quoters[i];
            topology.dispatcher(dispatcher).actor(name, Quoter::new, actor -> actor.dispatcher(dispatcher))
                .gather("quotes" + i, g -> g.requester(name).members(venues).all()
                    .deadline(Duration.ofSeconds(30)).maxInFlight(WINDOW).maxMessageLength(64));
        }

        try (Ringway ringway = topology.build().start())
        {
            final UnsafeBuffer empty = new UnsafeBuffer(new byte[0]);
            for (final String quoter : quoters)
            {
                assertTrue(ringway.actor(quoter).offer(GO, 0, empty, 0, 0) >= 0);
            }
            Await.until(() -> finished.get() == REQUESTERS || !failures.isEmpty(), Duration.ofSeconds(60),
                () -> finished.get() + " of " + REQUESTERS + " finished");

            assertEquals(List.of(), failures);
            for (final String quoter : quoters)
            {
                final Gatherer gatherer = gatherers.get(quoter);
                assertEquals(GATHERS, gatherer.completedGathers(), quoter);
                assertEquals(0, gatherer.lateReplies(), quoter);
                assertEquals(0, gatherer.missedReplies(), quoter);
                assertEquals(0, gatherer.unreachedMembers(), quoter);
            }
        }
    }
}
