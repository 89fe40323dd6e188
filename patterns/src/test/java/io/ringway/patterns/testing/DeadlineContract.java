package io.ringway.patterns.testing;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.gather.GatherSpec;
import io.ringway.patterns.reqrep.RequestReplySpec;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.ActorFactory;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the contract test of an operator with deadlines (correlate-reply, gather): time is the runtime's clock,
 * a {@link CachedNanoClock} that only the tests move, so deadlines are exact; what the actors do is logged as
 * {@link #events}, one line each, on the test thread that runs every dispatcher.
 * <p>
 * The seam is {@link #placement()}: an operator's {@code InProcess*Test} returns an
 * {@link InProcessMemberPlacement}; a transport's subclass returns one that puts members behind a bridge. The
 * tests declare requesters and members only through {@link #placeRequester} and {@link #placeMember}, name members
 * on the operator only through {@link #placeRepliers} and {@link #placeMembers}, and assert
 * only through actor behaviour, the operator's getters and the counters file.
 * <p>
 * A member may throw on purpose (its failure is supervised and reported to the error handler); an assertion that
 * fails inside an actor fails the test when it ends.
 */
public abstract class DeadlineContract
{
    /** The test's temporary directory, for the counters files of the runtimes the placement starts. */
    @TempDir
    protected Path runtimeDirectory;
    /** The runtime's clock. */
    protected final CachedNanoClock clock = new CachedNanoClock();
    /** What the actors did, one line each, in order; only the test thread runs actors, so no lock. */
    protected final List<String> events = new ArrayList<>();
    /** What reached the runtime's error handler. */
    protected final List<Throwable> errors = new ArrayList<>();
    /** A scratch buffer for requests and replies. */
    protected final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    /** The runtime under test, with the requesters in it, once {@link #start} has run. */
    protected Ringway ringway;
    private MemberPlacement members;

    /** @return a fresh placement for one test: where its members are made local or remote. */
    protected abstract MemberPlacement placement();

    /** @return a topology with the test clock and error handler, for this test's placement. */
    protected final TopologyBuilder newTopology()
    {
        members = placement();
        return members.newTopology(runtime -> runtime
            .clock(clock)
            .errorHandler(errors::add)
            .closeReportHandler(report -> { }));
    }

    /** Declares a requesting actor; requesters always live in the runtime under test. */
    protected final void placeRequester(final TopologyBuilder topology, final String name, final ActorFactory factory)
    {
        members.placeRequester(topology, name, factory);
    }

    /** Declares a member with a mailbox of {@code ringSize} slots, wherever the placement puts members. */
    protected final void placeMember(
        final TopologyBuilder topology, final String name, final ActorFactory factory, final int ringSize)
    {
        members.placeMember(topology, name, factory, ringSize);
    }

    /** Names placed members as a correlate-reply's repliers, in rotation order, wherever they were placed. */
    protected final void placeRepliers(final RequestReplySpec operator, final String... memberNames)
    {
        members.repliers(operator, memberNames);
    }

    /** Names placed members as a gather's members, wherever they were placed. */
    protected final void placeMembers(final GatherSpec operator, final String... memberNames)
    {
        members.members(operator, memberNames);
    }

    /** Builds and starts the topology, then runs it until idle. */
    protected final void start(final TopologyBuilder topology)
    {
        ringway = members.start(topology);
        runUntilIdle();
    }

    /** Runs every dispatcher until there is nothing left to do. */
    protected final void runUntilIdle()
    {
        members.runUntilIdle();
    }

    /** Sends an empty control message of {@code messageType} from outside to an actor. */
    protected final void tell(final String actorName, final int messageType)
    {
        if (members.tell(actorName, messageType) < 0)
        {
            fail("could not tell " + actorName);
        }
    }

    /** Moves the clock on, then runs until idle, so that whatever fell due has fired. */
    protected final void elapse(final long durationNs)
    {
        clock.advance(durationNs);
        runUntilIdle();
    }

    /** @return what the counters file says was dropped at an actor's or attachment's address. */
    protected final long droppedInCountersFile(final String address)
    {
        return CountersFileValues.dropped(ringway, address);
    }

    /** @return a member that logs {@code "<name> got <text> corr=<id>"} for each request and never answers. */
    protected final ActorFactory silent(final String name)
    {
        return context -> (message, offset, length, header) -> events.add(name + " got "
            + message.getStringWithoutLengthAscii(offset, length) + " corr=" + header.correlationId());
    }

    /** @return a member that logs {@code "<name> threw"} and throws for each request. */
    protected final ActorFactory thrower(final String name)
    {
        return context -> (message, offset, length, header) ->
        {
            events.add(name + " threw");
            throw new IllegalStateException(name + " failed on purpose");
        };
    }

    /** @return the events of one actor, those that begin with its name, in order. */
    protected final List<String> eventsOf(final String actorName)
    {
        final List<String> of = new ArrayList<>();
        for (final String event : events)
        {
            if (event.startsWith(actorName + " "))
            {
                of.add(event);
            }
        }
        return of;
    }

    @AfterEach
    protected void close()
    {
        if (null != members)
        {
            members.close();
        }
        for (final Throwable error : errors)
        {
            if (error.getCause() instanceof AssertionError)
            {
                fail("an assertion failed in an actor", error.getCause());
            }
        }
    }
}
