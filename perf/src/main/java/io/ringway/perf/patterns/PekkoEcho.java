package io.ringway.perf.patterns;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;
import scala.concurrent.Future;

/**
 * A Pekko replier (the target of {@code ask}) that answers each request with the request itself: an immutable
 * message may be sent back as it is, so Pekko copies nothing here where Ringway copies 64 bytes into the reply.
 */
final class PekkoEcho extends AbstractActor
{
    /** @return props for an echo on {@link PekkoSystem#DISPATCHER}. */
    static Props props()
    {
        return Props.create(PekkoEcho.class, PekkoEcho::new).withDispatcher(PekkoSystem.DISPATCHER);
    }

    /**
     * Spins until an ask's future completes, then checks that it carries the request's sequence number.
     *
     * @param reply    the future {@code ask} returned.
     * @param sequence the request's sequence number.
     * @throws IllegalStateException if the ask failed (timed out) or the reply is another request's.
     */
    static void awaitSequence(final Future<?> reply, final long sequence)
    {
        while (!reply.isCompleted())
        {
            Thread.onSpinWait();
        }
        final Object answer = reply.value().get().get(); // throws the ask's failure, e.g. its timeout
        if (!(answer instanceof PekkoMessage) || ((PekkoMessage)answer).sequence != sequence)
        {
            throw new IllegalStateException("reply " + answer + " to request " + sequence);
        }
    }

    @Override
    public Receive createReceive()
    {
        return receiveBuilder()
            .match(PekkoMessage.class, message -> getSender().tell(message, getSelf()))
            .build();
    }
}
