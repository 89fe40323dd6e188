package io.ringway.transport;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.Topology;
import io.ringway.patterns.gather.GatherResult;
import io.ringway.patterns.gather.Gatherer;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.transport.zmq.ZmqLink;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ringway.runtime.endpoint.LinkEndpoint.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Gather-with-deadline whose members are plain libzmq REP servers, one of them silent.
 */
class GatherLinkTest
{
    @TempDir
    Path runtimeDirectory;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(final T resource)
    {
        resources.add(resource);
        return resource;
    }

    @Test
    void shouldCompleteAtTheDeadlineNamingTheSilentMember()
    {
        final PyzmqPeer venue1 = closeLater(PyzmqPeer.start("rep-bind", "1"));
        final PyzmqPeer venue2 = closeLater(PyzmqPeer.start("rep-bind", "1"));
        final PyzmqPeer venue3 = closeLater(PyzmqPeer.start("rep-silent"));
        final String endpoint1 = venue1.nextLine();
        final String endpoint2 = venue2.nextLine();
        final String endpoint3 = venue3.nextLine();
        final List<String> results = Recorder.newLog();
        final var ringway = closeLater(Topology.builder()
            .runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory).drainTimeout(Duration.ofMillis(500)))
            .actor("quoter", context -> new Quoter(context, results))
            .gather("quotes", gather -> gather.requester("quoter")
                .remoteMember("venue1", connect(endpoint1))
                .remoteMember("venue2", connect(endpoint2))
                .remoteMember("venue3", connect(endpoint3))
                .all()
                .deadline(Duration.ofSeconds(2)))
            .build()).start();

        // The deadline runs from the scatter: scatter only once every venue's handshake is done, so that a slow
        // handshake on a loaded machine is not taken for a venue that did not answer.
        for (final String venue : List.of("venue1", "venue2", "venue3"))
        {
            final ZmqLink link = (ZmqLink)ringway.link(venue);
            Await.until(() -> link.handshakes() >= 1, () -> venue + " handshakes: " + link.handshakes());
        }
        TopologyLinkTest.send(ringway, "quoter", "EURUSD");
        Await.until(() -> results.size() == 1, () -> "results " + results);
        assertEquals("deadline venue1=re:EURUSD venue2=re:EURUSD venue3=missing", results.get(0));
        assertEquals("silent", venue3.nextLine());
    }

    /** Scatters what it gets from outside; records each result as text. */
    static final class Quoter implements Actor
    {
        private final Gatherer quotes;
        private final List<String> results;

        Quoter(final ActorContext context, final List<String> results)
        {
            this.quotes = context.attachment("quotes", Gatherer.class);
            this.results = results;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (header.messageType() == PatternMessages.GATHER_RESULT)
            {
                final GatherResult result = quotes.result();
                final StringBuilder text = new StringBuilder(result.deadlinePassed() ? "deadline" : "complete");
                for (int i = 0; i < result.memberCount(); i++)
                {
                    text.append(' ').append(result.memberName(i)).append('=').append(result.answered(i) ?
                        result.replyBuffer().getStringWithoutLengthAscii(result.replyOffset(i), result.replyLength(i)) :
                        "missing");
                }
                results.add(text.toString());
            }
            else if (header.senderId() == MessageSlot.NO_SENDER)
            {
                final long result = quotes.scatter(buffer, offset, length);
                if (result < 0)
                {
                    results.add("refused " + result);
                }
            }
        }
    }
}
