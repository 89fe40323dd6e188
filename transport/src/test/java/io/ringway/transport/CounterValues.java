package io.ringway.transport;

import io.ringway.runtime.Ringway;
import io.ringway.runtime.status.CountersFileReader;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Reads a counter as an operator's tool does, from the runtime's counters file by its label, so that a test shows
 * the figure is visible outside the process.
 */
final class CounterValues
{
    private CounterValues()
    {
    }

    /**
     * @param ringway a runtime, running or closed.
     * @param label   the counter's label, e.g. {@code "link in: auth refused"}.
     * @return its value.
     * @throws AssertionError naming the labels there are, if none has this one.
     */
    static long read(final Ringway ringway, final String label)
    {
        try (CountersFileReader reader = CountersFileReader.open(ringway.countersFile()))
        {
            final Map<String, Long> counters = reader.snapshot();
            final Long value = counters.get(label);
            assertNotNull(value, () -> "no counter '" + label + "' in " + counters.keySet());
            return value;
        }
    }
}
