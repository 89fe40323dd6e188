package io.ringway.runtime.endpoint;

import io.ringway.runtime.actor.ActorDirectory;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.List;

/**
 * What a transport needs to open one link, with every name resolved by the runtime.
 *
 * @param name             the link's name, for counters, threads and messages.
 * @param shape            what the link does on the wire.
 * @param endpoints        where to bind and connect; at least one.
 * @param inbound          where inbound messages are offered, with the same codes and counters as in-process
 *                         sends; null for an outbound-only shape.
 * @param inboundTopic     true if inbound messages are {@code [topic][body]} and keep their topic (into a shared
 *                         ring); a {@link LinkShape#SUBSCRIBE} link into an address keeps the topic of a two-frame
 *                         message whatever this says.
 * @param inboundSenderId  the sender id stamped on inbound messages: the port's id, so that an address that
 *                         accepts only its peer accepts the link; {@code MessageSlot.NO_SENDER} without a port.
 * @param outbound         where outbound messages are taken from; null for an inbound-only shape.
 * @param maxMessageLength largest message either way, in bytes: the ring's, so that the wire refuses what the
 *                         ring would.
 * @param subscriptions    topic prefixes of a SUBSCRIBE link; empty for everything.
 * @param limits           socket bounds.
 * @param counters         the link's counters: sent, received, back-pressured, dropped, errors.
 * @param errorHandler     receives the link's errors.
 * @param directory        every address of the runtime by id: where a {@link LinkShape#REQUEST} link sends each
 *                         reply, by the sender id its request carried.
 * @param security         CURVE settings, or null for plain ZMTP.
 * @param routingId        the routing id the link's socket announces to its peers, or null for none.
 * @param authRefused      for a CURVE server, the counter {@code link <name>: auth refused} in the counters file:
 *                         connections refused for their credentials or for not speaking CURVE; null otherwise.
 * @param idle             how the link's thread waits for work ({@link LinkSpec#idle(Idle)}).
 */
public record LinkRequest(
    String name,
    LinkShape shape,
    List<LinkEndpoint> endpoints,
    MessageSink inbound,
    boolean inboundTopic,
    int inboundSenderId,
    LinkSource outbound,
    int maxMessageLength,
    List<String> subscriptions,
    LinkLimits limits,
    MessageCounters counters,
    ErrorHandler errorHandler,
    ActorDirectory directory,
    LinkSecurity security,
    String routingId,
    AtomicCounter authRefused,
    Idle idle)
{
}
