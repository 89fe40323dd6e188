package io.ringway.runtime.actor;

import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;

/**
 * Application code that reacts to messages. An actor's state is touched by one thread only, its
 * dispatcher's, so it needs no locks. Created by an {@link ActorFactory}, which receives the
 * {@link ActorContext} to keep for sending, replying and timers.
 * <p>
 * A handler that throws is supervised according to the actor's {@link Supervision} policy; the failing
 * message goes to the dead-letter handler and is never delivered again.
 */
@FunctionalInterface
public interface Actor
{
    /**
     * Handles one message. The buffer and header are views of the ring slot and are valid only during the
     * call: copy what you need to keep.
     *
     * @param buffer holding the message body (the topic, if any, sits just before it).
     * @param offset of the body in the buffer.
     * @param length of the body.
     * @param header of the message.
     */
    void onMessage(DirectBuffer buffer, int offset, int length, Header header);

    /**
     * A timer scheduled through {@link ActorContext#scheduleTimer(long)} has expired.
     *
     * @param timerId as returned when it was scheduled.
     */
    default void onTimer(final long timerId)
    {
    }

    /** The actor is being stopped or replaced by a restart: release what it holds. */
    default void onStop()
    {
    }
}
