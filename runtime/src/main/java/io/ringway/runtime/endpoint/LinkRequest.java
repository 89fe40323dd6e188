package io.ringway.runtime.endpoint;

import io.ringway.runtime.actor.ActorRef;
import org.agrona.ErrorHandler;

/**
 * What a transport needs to open one link for an actor: where, which way, and where inbound messages go.
 *
 * @param endpoint     the remote endpoint.
 * @param direction    bind or connect.
 * @param actor        the local actor: inbound messages are offered into its mailbox, with the same
 *                     back-pressure codes and counters as in-process sends.
 * @param errorHandler receives the link's errors.
 */
public record LinkRequest(Endpoint endpoint, LinkDirection direction, ActorRef actor, ErrorHandler errorHandler)
{
}
