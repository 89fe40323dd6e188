package io.ringway.runtime.status;

import java.nio.file.Path;
import java.util.Map;

/**
 * A separate program that prints a counters file as {@code label=value} lines, run in its own JVM by
 * {@link CountersFileTest} to prove that another process can read a live runtime's counters.
 */
public final class CountersDump
{
    private CountersDump()
    {
    }

    /**
     * @param args the runtime directory.
     */
    public static void main(final String[] args)
    {
        try (CountersFileReader reader = CountersFileReader.open(Path.of(args[0])))
        {
            System.out.println("pid=" + reader.pid());
            System.out.println("status=" + reader.status());
            for (final Map.Entry<String, Long> counter : reader.snapshot().entrySet())
            {
                System.out.println(counter.getKey() + "=" + counter.getValue());
            }
        }
    }
}
