package io.ringway.patterns.testing;

import io.ringway.patterns.TopologyBuilder;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Base of an operator's contract test that reaches its members only through a {@link Placement}: commands into
 * mailboxes, duty cycles of caller-run dispatchers, counters in the counters file, and what its test actors
 * record outside themselves. So the same contract runs over any placement of the members.
 * <p>
 * The seam is {@link #placement()}: an operator's {@code InProcess*Test} returns an {@link InProcessPlacement};
 * a transport's subclass returns a placement that puts members behind a bridge. A contract whose members may be
 * remote declares them through {@link #newTopology} and {@link #members()}, so the placement sees which they are. After each test the topology is
 * closed and no failure may have reached a runtime's error handler.
 */
public abstract class TopologyContract
{
    /** The test's temporary directory, for the counters files of the runtimes the placement starts. */
    @TempDir
    protected Path runtimeDirectory;
    /** What reached the error handler of any runtime the placement started; checked empty after each test. */
    protected final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private Placement members;

    /**
     * @return a fresh placement for one test, called when the test starts its topology. Where the members are
     * made local or remote.
     */
    protected abstract Placement placement();

    /**
     * @param everywhere declares the dispatchers (and whatever else) every runtime of the placement needs.
     * @return a topology for this test's placement, to declare publishers on and to {@link #start}.
     */
    protected final TopologyBuilder newTopology(final Consumer<TopologyBuilder> everywhere)
    {
        members = placement();
        return members.newTopology(everywhere);
    }

    /** @return this test's placement, from {@link #newTopology}: where members and their roles are declared. */
    protected final Placement members()
    {
        return members;
    }

    /**
     * @param topology declared by the test: build and start it, placing its members. A topology not made by
     *                 {@link #newTopology} has every member in it, so it runs in process whatever the placement.
     */
    protected final void start(final TopologyBuilder topology)
    {
        if (null == members)
        {
            members = placement();
        }
        members.start(topology, errors::add);
    }

    /** @param dispatcher a caller-run dispatcher of the topology: run one duty cycle of it. */
    protected final void dutyCycle(final String dispatcher)
    {
        members.dutyCycle(dispatcher);
    }

    /**
     * Sends a command into a member's mailbox.
     *
     * @return a position or a negative send code.
     */
    protected final long tell(
        final String actor, final int messageType, final DirectBuffer buffer, final int offset, final int length)
    {
        return members.tell(actor, messageType, buffer, offset, length);
    }

    /** @return the value of the counter with this label in the counters file. */
    protected final long counter(final String label)
    {
        return members.counter(label);
    }

    @AfterEach
    protected void closeTopology()
    {
        if (null != members)
        {
            members.close();
        }
        synchronized (errors)
        {
            assertEquals(List.of(), errors, "no failure may go unnoticed");
        }
    }
}
