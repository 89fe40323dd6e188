package io.ringway.patterns.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one test actor saw, kept outside the actor so that it survives restarts: the messages it describes, how
 * many it got, the last sequence seen from each publisher, and the first few order violations.
 * <p>
 * The actor writes on its dispatcher thread and the test thread reads: the lists are synchronized and
 * {@link #count} is atomic; read {@link #lastSeq} only after waiting on {@link #count}, which orders it.
 */
public class Recording
{
    private static final int VIOLATIONS_KEPT = 5;

    /** A description of each message, in the order received. */
    public final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    /** The first few order violations, enough to diagnose. */
    public final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    /** How many messages the actor got. */
    public final AtomicInteger count = new AtomicInteger();
    /** The last sequence seen from each publisher, by the publisher's index; -1 before the first. */
    public final long[] lastSeq;

    /** @param publishers how many publishers, indexed from 0, may send sequences. */
    public Recording(final int publishers)
    {
        lastSeq = new long[publishers];
        Arrays.fill(lastSeq, -1);
    }

    /** @return a copy of the messages described so far. */
    public List<String> messages()
    {
        synchronized (messages)
        {
            return List.copyOf(messages);
        }
    }

    /** @param what a violation; kept if fewer than five are kept already. */
    public void violation(final String what)
    {
        if (violations.size() < VIOLATIONS_KEPT)
        {
            violations.add(what);
        }
    }
}
