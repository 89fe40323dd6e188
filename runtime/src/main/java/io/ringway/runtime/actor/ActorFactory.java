package io.ringway.runtime.actor;

/**
 * Creates an actor's state: at start and again at each supervised restart. Called on the actor's dispatcher
 * thread.
 */
@FunctionalInterface
public interface ActorFactory
{
    /**
     * @param context the actor's context, to keep for sending, replying and timers.
     * @return a new actor.
     */
    Actor create(ActorContext context);
}
