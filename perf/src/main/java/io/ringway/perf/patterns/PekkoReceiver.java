package io.ringway.perf.patterns;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Pekko receiver (broadcast routee, round-robin routee) that counts each message's sequence number into its
 * {@link ReceiverProgress}.
 */
final class PekkoReceiver extends AbstractActor
{
    private final ReceiverProgress progress;

    PekkoReceiver(final ReceiverProgress progress)
    {
        this.progress = progress;
    }

    /**
     * @param receivers one progress per routee.
     * @return props for a router's routees, on {@link PekkoSystem#DISPATCHER}: the i-th routee created counts
     * into {@code receivers.get(i)}.
     */
    static Props props(final Receivers receivers)
    {
        final AtomicInteger next = new AtomicInteger();
        return Props.create(PekkoReceiver.class, () -> new PekkoReceiver(receivers.get(next.getAndIncrement())))
            .withDispatcher(PekkoSystem.DISPATCHER);
    }

    @Override
    public Receive createReceive()
    {
        return receiveBuilder()
            .match(PekkoMessage.class, message -> progress.onMessage(message.sequence))
            .build();
    }
}
