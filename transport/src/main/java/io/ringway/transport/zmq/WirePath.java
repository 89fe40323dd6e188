package io.ringway.transport.zmq;

/**
 * One way a link moves messages between its socket and the runtime, run by the link's thread.
 */
interface WirePath
{
    /** @return messages moved, for the idle strategy. */
    int pump();

    /** @return true if nothing is held for the wire and nothing is waiting to be sent. */
    boolean isIdle();

    /**
     * At close: drops and counts what is still held.
     *
     * @return messages dropped.
     */
    int dropHeld();
}
