package io.ringway.patterns.testing;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.status.CountersFileReader;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Reads a counter the way an operator's tool does: from the runtime's counters file, by its label, so that a
 * test proves the figure is visible outside the process and not only through a getter.
 */
public final class CountersFileValues
{
    private CountersFileValues()
    {
    }

    /**
     * @param ringway a runtime, running or closed.
     * @param label   the counter's label in the file, e.g. {@code "actor quoter.quotes: dropped"}.
     * @return the counter's value.
     * @throws AssertionError naming the labels there are, if the file has no counter with this label.
     */
    public static long read(final Ringway ringway, final String label)
    {
        try (CountersFileReader reader = CountersFileReader.open(ringway.countersFile()))
        {
            final Map<String, Long> counters = reader.snapshot();
            final Long value = counters.get(label);
            assertNotNull(value, () -> "no counter '" + label + "' in " + counters.keySet());
            return value;
        }
    }

    /**
     * @param ringway a runtime, running or closed.
     * @param address an actor's or an attachment's address.
     * @return what the counters file says was dropped at that address.
     */
    public static long dropped(final Ringway ringway, final String address)
    {
        return read(ringway, "actor " + address + ": dropped");
    }
}
