package io.ringway.patterns.fanout;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TopicPrefixesTest
{
    private static UnsafeBuffer bytes(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int add(final TopicPrefixes prefixes, final String prefix)
    {
        final UnsafeBuffer buffer = bytes(prefix);
        return prefixes.add(buffer, 0, buffer.capacity());
    }

    private static int remove(final TopicPrefixes prefixes, final String prefix)
    {
        final UnsafeBuffer buffer = bytes(prefix);
        return prefixes.remove(buffer, 0, buffer.capacity());
    }

    private static boolean matches(final TopicPrefixes prefixes, final String topic)
    {
        final UnsafeBuffer padded = new UnsafeBuffer(new byte[topic.length() + 6]);
        padded.putStringWithoutLengthAscii(3, topic);
        return prefixes.matches(padded, 3, topic.length());
    }

    @Test
    void shouldAgreeWithStartsWithOnRandomPrefixesAndTopics()
    {
        final Random random = new Random(42);
        for (int round = 0; round < 300; round++)
        {
            final TopicPrefixes prefixes = new TopicPrefixes(8, 20);
            final List<String> held = new ArrayList<>();
            for (int i = 0, n = random.nextInt(5); i < n; i++)
            {
                final String prefix = randomText(random, 20);
                add(prefixes, prefix);
                held.add(prefix);
            }
            for (int t = 0; t < 50; t++)
            {
                final String topic = randomText(random, 24);
                final boolean expected = held.stream().anyMatch(topic::startsWith);
                assertEquals(expected, matches(prefixes, topic), () -> "topic '" + topic + "' prefixes " + held);
            }
        }
    }

    private static String randomText(final Random random, final int maxLength)
    {
        // Two letters only, so that long shared prefixes, which exercise the eight-byte compare, are common.
        final StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(maxLength + 1); i < n; i++)
        {
            text.append(random.nextInt(8) == 0 ? 'b' : 'a');
        }
        return text.toString();
    }

    @Test
    void shouldCountRepeatedSubscriptionsAndForgetOnlyAtZero()
    {
        final TopicPrefixes prefixes = new TopicPrefixes(4, 8);
        assertEquals(1, add(prefixes, "EUR"));
        assertEquals(2, add(prefixes, "EUR"));
        assertEquals(1, remove(prefixes, "EUR"));
        assertTrue(matches(prefixes, "EURUSD"));
        assertEquals(0, remove(prefixes, "EUR"));
        assertFalse(matches(prefixes, "EURUSD"));
        assertEquals(Subscription.NOT_SUBSCRIBED, remove(prefixes, "EUR"));
        assertEquals(0, prefixes.size());
    }

    @Test
    void shouldKeepTheOthersWhenRemovingFromTheMiddle()
    {
        final TopicPrefixes prefixes = new TopicPrefixes(4, 8);
        add(prefixes, "AAA");
        add(prefixes, "BB");
        add(prefixes, "CCCCCCCC");
        assertEquals(0, remove(prefixes, "AAA"));
        assertFalse(matches(prefixes, "AAA"));
        assertTrue(matches(prefixes, "BBx"));
        assertTrue(matches(prefixes, "CCCCCCCCx"), "the last entry moved into the freed place intact");
        assertEquals(1, add(prefixes, "AAA"));
        assertEquals(3, prefixes.size());
    }

    @Test
    void shouldRefuseWhatDoesNotFitWithCodes()
    {
        final TopicPrefixes prefixes = new TopicPrefixes(1, 3);
        assertEquals(Subscription.PREFIX_TOO_LONG, add(prefixes, "ABCD"));
        assertEquals(1, add(prefixes, ""));
        assertEquals(Subscription.TOO_MANY_PREFIXES, add(prefixes, "A"));
        assertTrue(matches(prefixes, ""), "the empty prefix matches the empty topic");
        assertTrue(matches(prefixes, "anything"));
    }
}
