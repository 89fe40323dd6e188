package io.ringway.runtime.ring;

/**
 * The header of a received message. A flyweight: it describes the message being handled and is valid only
 * during the handler call that received it; copy what you need to keep.
 */
public interface Header
{
    /** @return the application's message type. */
    int messageType();

    /** @return the id of the sending actor, or {@link MessageSlot#NO_SENDER} if it came from outside. */
    int senderId();

    /** @return the correlation id that ties a reply to its request; 0 for none. */
    long correlationId();

    /** @return the timestamp the sender put on the message, in nanoseconds; 0 for none. */
    long timestampNs();

    /** @return the length of the topic, which occupies the handler's buffer just before the body; 0 for none. */
    int topicLength();
}
