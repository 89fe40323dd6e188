package io.ringway.runtime.agent;

/**
 * Reported to the runtime's error handler when an actor's code throws; names the actor and what was done.
 */
public final class ActorFailureException extends RuntimeException
{
    private final String actorName;

    /**
     * @param actorName the actor whose code threw.
     * @param what      what happened and what supervision did.
     * @param cause     what was thrown.
     */
    public ActorFailureException(final String actorName, final String what, final Throwable cause)
    {
        super("actor '" + actorName + "': " + what, cause);
        this.actorName = actorName;
    }

    /** @return the actor whose code threw. */
    public String actorName()
    {
        return actorName;
    }
}
