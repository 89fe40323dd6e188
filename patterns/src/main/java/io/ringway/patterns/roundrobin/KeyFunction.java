package io.ringway.patterns.roundrobin;

import org.agrona.DirectBuffer;

/**
 * Reads the key of a message for {@link RoundRobinStrategy#KEY_AFFINITY}: messages with the same key go to the same
 * worker. Called on the sender's thread for every message, so it must not allocate; any long is a valid key.
 */
@FunctionalInterface
public interface KeyFunction
{
    /**
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return the message's key, e.g. an instrument id.
     */
    long key(DirectBuffer buffer, int offset, int length);
}
