package io.ringway.runtime.actor;

import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;

/**
 * Receives messages that could not be handled: their handler threw, or their actor had stopped. Called on the
 * actor's dispatcher thread; the buffer and header are valid only during the call.
 */
@FunctionalInterface
public interface DeadLetterHandler
{
    /**
     * @param actorName the actor the message was for.
     * @param buffer    holding the message body.
     * @param offset    of the body.
     * @param length    of the body.
     * @param header    of the message.
     * @param cause     why it was not handled.
     */
    void onDeadLetter(String actorName, DirectBuffer buffer, int offset, int length, Header header, Throwable cause);
}
