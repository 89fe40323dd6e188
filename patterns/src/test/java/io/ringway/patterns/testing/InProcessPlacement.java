package io.ringway.patterns.testing;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.runtime.Ringway;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;

import java.nio.file.Path;

/**
 * Every member in one runtime in this process, with its counters file in the test's temporary directory; the
 * test steps the caller-run dispatchers on its own thread.
 */
public final class InProcessPlacement implements Placement
{
    private final Path runtimeDirectory;
    private Ringway ringway;

    /** @param runtimeDirectory the test's temporary directory, for the counters file. */
    public InProcessPlacement(final Path runtimeDirectory)
    {
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public void start(final TopologyBuilder topology, final ErrorHandler errorHandler)
    {
        ringway = topology.runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory).errorHandler(errorHandler))
            .build()
            .start();
    }

    /** @return the runtime started, for the tests of what only holds in process. */
    public Ringway ringway()
    {
        return ringway;
    }

    @Override
    public void dutyCycle(final String dispatcher)
    {
        ringway.invoker(dispatcher).invoke();
    }

    @Override
    public long tell(
        final String actor, final int messageType, final DirectBuffer buffer, final int offset, final int length)
    {
        return ringway.actor(actor).offer(messageType, 0, buffer, offset, length);
    }

    @Override
    public long counter(final String label)
    {
        return CountersFileValues.read(ringway, label);
    }

    @Override
    public void close()
    {
        if (null != ringway)
        {
            ringway.close();
        }
    }
}
