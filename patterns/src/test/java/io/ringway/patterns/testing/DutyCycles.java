package io.ringway.patterns.testing;

import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.SendResult;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AgentInvoker;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Steps a caller-run dispatcher on the test's thread, so that a test decides when each member does its work.
 */
public final class DutyCycles
{
    /**
     * How many duty cycles {@link #runUntilIdle(AgentInvoker)} allows: far more than any test's work needs, so
     * that reaching it means the dispatcher never goes idle (a message bouncing for ever), not slowness.
     */
    public static final int MAX_DUTY_CYCLES = 1_000;

    private DutyCycles()
    {
    }

    /**
     * Runs duty cycles until one finds nothing to do.
     *
     * @param invoker of a caller-run dispatcher.
     * @throws AssertionError if the dispatcher is still busy after {@link #MAX_DUTY_CYCLES} cycles.
     */
    public static void runUntilIdle(final AgentInvoker invoker)
    {
        for (int i = 0; i < MAX_DUTY_CYCLES; i++)
        {
            if (0 == invoker.invoke())
            {
                return;
            }
        }
        throw new AssertionError("still busy after " + MAX_DUTY_CYCLES + " duty cycles");
    }

    /**
     * Runs duty cycles until the condition holds, for messages that other threads are still sending.
     *
     * @param invoker   of a caller-run dispatcher.
     * @param condition checked after each duty cycle.
     * @param what      describes the state reached, for the failure message.
     * @throws AssertionError if the condition does not hold within {@link Await#TIMEOUT}.
     */
    public static void runUntil(
        final AgentInvoker invoker, final BooleanSupplier condition, final Supplier<String> what)
    {
        Await.until(() ->
        {
            invoker.invoke();
            return condition.getAsBoolean();
        }, what);
    }

    /**
     * The steady-state loop of an allocation test: tells an actor {@code count} 8-byte commands, each holding its
     * index, and runs two duty cycles after each, one to handle the command and one to deliver what it sent.
     * Allocates nothing.
     *
     * @param invoker of the caller-run dispatcher that the actor and what it sends to run on.
     * @param actor   to tell.
     * @param command a buffer of at least 8 bytes to write each command into.
     * @param count   how many commands.
     * @throws AssertionError if the actor's mailbox refuses a command.
     */
    public static void tellEachAndRun(
        final AgentInvoker invoker, final ActorRef actor, final MutableDirectBuffer command, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            command.putLong(0, i);
            if (actor.offer(command, 0, 8) < 0)
            {
                throw new AssertionError(actor.name() + "'s mailbox refused command " + i);
            }
            invoker.invoke();
            invoker.invoke();
        }
    }

    /**
     * The steady-state loop of an allocation test that sends through an operator's end: sends {@code count}
     * messages, running a duty cycle after every 16 so that no ring fills, then runs until idle so that every
     * message has gone all the way. Allocates nothing if the send does not.
     *
     * @param invoker of the caller-run dispatcher that every member runs on.
     * @param count   how many messages.
     * @param send    sends message {@code index}.
     * @throws AssertionError if a send is refused.
     */
    public static void sendEachAndRun(final AgentInvoker invoker, final int count, final IndexedSend send)
    {
        for (int i = 0; i < count; i++)
        {
            final long result = send.send(i);
            if (result < 0)
            {
                throw new AssertionError("send " + i + " refused: " + SendResult.describe(result));
            }
            if ((i & 15) == 15)
            {
                invoker.invoke();
            }
        }
        runUntilIdle(invoker);
    }

    /** One send of {@link #sendEachAndRun}. */
    @FunctionalInterface
    public interface IndexedSend
    {
        /**
         * @param index of the message, from 0.
         * @return a position, or a negative {@link SendResult} code.
         */
        long send(int index);
    }
}
