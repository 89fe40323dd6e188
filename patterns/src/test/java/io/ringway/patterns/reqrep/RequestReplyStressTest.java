package io.ringway.patterns.reqrep;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.Await;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
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
 * Three requesters, each on its own dispatcher thread, keep a window of requests in flight to two repliers on a
 * fourth thread. Every request must get exactly its own reply: none lost, none twice, none crossed over to
 * another request or requester, and no timeouts.
 * <pre>
 *   risk0 [thread] --+                      +--> echo0 --+
 *   risk1 [thread] --+-- requests, rotated --+            +-- replies to each requester's address
 *   risk2 [thread] --+                      +--> echo1 --+   [one thread]
 * </pre>
 */
class RequestReplyStressTest
{
    private static final int REQUESTERS = 3;
    private static final int REQUESTS = 3_000;
    private static final int WINDOW = 32;
    private static final int GO = 1;

    @TempDir
    Path runtimeDirectory;

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final Map<String, Requester> requesters = new ConcurrentHashMap<>();

    /** Keeps WINDOW requests in flight; checks each reply against the request its correlation id names. */
    private final class Risk implements Actor
    {
        private final String name;
        private final int number;
        private final Requester requester;
        private final UnsafeBuffer request = new UnsafeBuffer(new byte[16]);
        private final Map<Long, Integer> sequenceById = new HashMap<>();
        private final BitSet answered = new BitSet(REQUESTS);
        private int sent;
        private int replies;

        Risk(final ActorContext context)
        {
            name = context.name();
            number = name.charAt(name.length() - 1) - '0';
            requester = context.attachment("gateway", Requester.class);
            requesters.put(name, requester);
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (header.messageType() == GO)
            {
                while (sent < WINDOW)
                {
                    send();
                }
                return;
            }
            if (header.messageType() == PatternMessages.TIMEOUT)
            {
                failures.add(name + ": timeout of " + header.correlationId());
                return;
            }
            final Integer expected = sequenceById.remove(header.correlationId());
            final int from = buffer.getInt(offset);
            final int sequence = buffer.getInt(offset + 4);
            if (null == expected || expected != sequence || from != number || answered.get(sequence))
            {
                failures.add(name + ": reply " + from + "/" + sequence + " under id " + header.correlationId()
                    + " expected " + number + "/" + expected);
                return;
            }
            answered.set(sequence);
            if (++replies == REQUESTS)
            {
                finished.incrementAndGet();
            }
            else if (sent < REQUESTS)
            {
                send();
            }
        }

        private void send()
        {
            request.putInt(0, number);
            request.putInt(4, sent);
            final long id = requester.request(GO + 1, request, 0, 8);
            if (id <= 0)
            {
                failures.add(name + ": request " + sent + " refused with " + id);
                return;
            }
            sequenceById.put(id, sent++);
        }
    }

    @Test
    void shouldAnswerEveryRequestOnceToItsRequesterUnderLoad()
    {
        final TopologyBuilder topology = Topology.builder()
            .runtime(runtime -> runtime
                .runtimeDirectory(runtimeDirectory)
                .errorHandler(ex -> failures.add(ex.toString())))
            .dispatcher("replies");
        final String[] names = new String[REQUESTERS];
        for (int i = 0; i < REQUESTERS; i++)
        {
            names[i] = "risk" + i;
            final String dispatcher = "d" + i;
            topology.dispatcher(dispatcher).actor(names[i], Risk::new, actor -> actor.dispatcher(dispatcher));
        }
        for (int i = 0; i < 2; i++)
        {
            topology.actor("echo" + i,
                context -> (buffer, offset, length, header) ->
                {
                    final long replied = context.reply(buffer, offset, length);
                    if (replied < 0)
                    {
                        failures.add(context.name() + ": reply refused with " + SendResult.describe(replied));
                    }
                },
                actor -> actor.dispatcher("replies"));
        }
        topology.requestReply("gateway", rr -> rr.requesters(names).repliers("echo0", "echo1")
            .timeout(Duration.ofSeconds(30)).maxInFlight(WINDOW).maxMessageLength(64));

        try (Ringway ringway = topology.build().start())
        {
            final UnsafeBuffer empty = new UnsafeBuffer(new byte[0]);
            for (final String name : names)
            {
                assertTrue(ringway.actor(name).offer(GO, 0, empty, 0, 0) >= 0);
            }
            Await.until(() -> finished.get() == REQUESTERS || !failures.isEmpty(), Duration.ofSeconds(60),
                () -> finished.get() + " of " + REQUESTERS + " finished");

            assertEquals(List.of(), failures);
            for (final String name : names)
            {
                assertEquals(0, requesters.get(name).timeouts(), name);
                assertEquals(0, requesters.get(name).lateReplies(), name);
                assertEquals(0, requesters.get(name).retries(), name);
            }
        }
    }
}
