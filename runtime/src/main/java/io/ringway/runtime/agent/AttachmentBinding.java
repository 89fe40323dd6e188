package io.ringway.runtime.agent;

import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.concurrent.status.CountersManager;

/**
 * An attachment as the runtime built it: its name on the owner, the operator code, its own mailbox, address and
 * counters when it was declared with an address (all three null otherwise), and where it allocates counters
 * of its own.
 *
 * @param name            of the attachment on its owner.
 * @param attachment      the operator code.
 * @param mailbox         its own mailbox, or null.
 * @param address         its own address, or null.
 * @param counters        its own address's counters, or null.
 * @param countersManager the runtime's counters file, for {@code AttachmentContext.newCounter}.
 */
public record AttachmentBinding(
    String name,
    Attachment attachment,
    Mailbox mailbox,
    ActorRef address,
    MessageCounters counters,
    CountersManager countersManager)
{
}
