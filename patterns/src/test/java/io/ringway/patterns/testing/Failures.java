package io.ringway.patterns.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What went wrong on a dispatcher thread, where an assertion would only reach the error handler: the first few
 * failures, enough to diagnose, for the test thread to assert on.
 * <p>
 * Thread-safe: any dispatcher thread may record, the test thread reads.
 */
public final class Failures
{
    private static final int KEPT = 10;

    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    /** @param failure what went wrong; kept if fewer than ten are kept already. */
    public void record(final String failure)
    {
        if (failures.size() < KEPT)
        {
            failures.add(failure);
        }
    }

    /** @return whether anything went wrong. */
    public boolean any()
    {
        return !failures.isEmpty();
    }

    /** @return the failures kept, oldest first: {@code List.of()} when none. */
    public List<String> list()
    {
        synchronized (failures)
        {
            return List.copyOf(failures);
        }
    }

    @Override
    public String toString()
    {
        return list().toString();
    }
}
