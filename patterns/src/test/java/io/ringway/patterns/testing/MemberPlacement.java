package io.ringway.patterns.testing;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.gather.GatherSpec;
import io.ringway.patterns.reqrep.RequestReplySpec;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.actor.ActorFactory;

import java.util.function.Consumer;

/**
 * Where a {@link DeadlineContract}'s members live, one by one, and how the test drives them: the requesters
 * always live in the runtime under test, each member (a replier, a gather's member) wherever the placement puts
 * it, in that runtime ({@link InProcessMemberPlacement}) or in another behind an {@code ipc://} or
 * {@code tcp://} bridge.
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public interface MemberPlacement
{
    /**
     * @param settings the test's runtime settings (clock, error handler) for every runtime the placement starts.
     * @return a topology to declare the requesters, members and operator on.
     */
    TopologyBuilder newTopology(Consumer<RingwayBuilder> settings);

    /** Declares a requesting actor, in the runtime under test. */
    void placeRequester(TopologyBuilder topology, String name, ActorFactory factory);

    /**
     * Declares a member with a mailbox of {@code ringSize} slots whose failures are resumed, so that a member that
     * throws keeps answering later requests.
     */
    void placeMember(TopologyBuilder topology, String name, ActorFactory factory, int ringSize);

    /**
     * Names members placed by {@link #placeMember} as a correlate-reply's repliers, in rotation order: local
     * repliers, or the remote repliers that stand for them where the placement put them behind a bridge.
     */
    void repliers(RequestReplySpec operator, String... memberNames);

    /**
     * Names members placed by {@link #placeMember} as a gather's members, local or remote, each under its own
     * name in the results.
     */
    void members(GatherSpec operator, String... memberNames);

    /** @return the runtime under test, built and started, with the requesters in it. */
    Ringway start(TopologyBuilder topology);

    /**
     * Runs every dispatcher until there is nothing left to do.
     *
     * @throws AssertionError if some dispatcher never goes idle.
     */
    void runUntilIdle();

    /**
     * Sends an empty control message from outside to an actor, with correlation id 0.
     *
     * @return a position, or a negative {@code SendResult} code.
     */
    long tell(String actor, int messageType);

    /** Closes whatever {@link #start} started; does nothing if nothing was started. */
    void close();
}
