package io.ringway.runtime.actor;

/**
 * What happens to an actor whose handler throws. In every case the failing message goes to the dead-letter
 * handler and is counted, the exception goes to the error handler and is counted, and other actors carry on.
 */
public enum Supervision
{
    /** Keep the actor as it is and go on with the next message. */
    RESUME,
    /** Stop the actor's state and build a fresh one from its factory, then go on with the next message. */
    RESTART,
    /** Stop the actor: its mailbox closes, and messages already queued go to the dead-letter handler. */
    STOP
}
