package io.ringway.runtime.agent;

import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.ring.Mailbox;

/**
 * An attachment as the runtime built it: its name on the owner, the operator code, and its own mailbox and
 * address when it was declared with one (both null otherwise).
 *
 * @param name       of the attachment on its owner.
 * @param attachment the operator code.
 * @param mailbox    its own mailbox, or null.
 * @param address    its own address, or null.
 */
public record AttachmentBinding(String name, Attachment attachment, Mailbox mailbox, ActorRef address)
{
}
