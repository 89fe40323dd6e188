package io.ringway.transport;

import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An actor that records what it receives as text: {@code topic|body} when the message has a topic.
 */
final class Recorder implements Actor
{
    private final List<String> received;

    Recorder(final List<String> received)
    {
        this.received = received;
    }

    static List<String> newLog()
    {
        return new CopyOnWriteArrayList<>();
    }

    static Recorder into(final List<String> log, final ActorContext context)
    {
        return new Recorder(log);
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final String body = buffer.getStringWithoutLengthAscii(offset, length);
        if (header.topicLength() > 0)
        {
            final byte[] topic = new byte[header.topicLength()];
            buffer.getBytes(offset - header.topicLength(), topic);
            received.add(new String(topic, StandardCharsets.US_ASCII) + "|" + body);
        }
        else
        {
            received.add(body);
        }
    }
}
