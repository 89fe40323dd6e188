package io.ringway.runtime;

import io.ringway.runtime.actor.ActorDirectory;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.endpoint.Endpoint;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.endpoint.LinkSource;
import io.ringway.runtime.endpoint.LinkRequest;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.SharedRing;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.ErrorHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns declared links into transport requests: an actor's own {@code tcp://} and {@code ipc://} binds and
 * connects become {@link LinkShape#COLLECT} links into its mailbox, and every name a {@link LinkSpec} gives is
 * resolved to the runtime object it means.
 */
final class LinkResolver
{
    private LinkResolver()
    {
    }

    /**
     * @param config the validated declaration.
     * @return the links declared on the builder, then one per remote endpoint an actor binds or connects, named
     * {@code actor@endpoint}.
     */
    static List<LinkSpec> allLinks(final RingwayBuilder config)
    {
        final List<LinkSpec> all = new ArrayList<>(config.links.values());
        for (final RingwayBuilder.ActorSpec actor : config.actors.values())
        {
            for (final String text : actor.options().binds)
            {
                if (!Endpoint.parse(text).isInProcess())
                {
                    all.add(new LinkSpec(actor.name() + "@" + text, LinkShape.COLLECT).bind(text).deliverTo(actor.name()));
                }
            }
            for (final String text : actor.options().connects)
            {
                all.add(new LinkSpec(actor.name() + "@" + text, LinkShape.COLLECT).connect(text).deliverTo(actor.name()));
            }
        }
        return all;
    }

    static LinkRequest resolve(
        final LinkSpec link,
        final ActorDirectory directory,
        final Map<String, Mailbox> mailboxes,
        final Map<String, SharedRing> sharedRings,
        final MessageCounters counters,
        final AtomicCounter authRefused,
        final ErrorHandler errorHandler)
    {
        MessageSink inbound = null;
        int maxMessageLength = 0;
        if (null != link.deliverTo())
        {
            final ActorRef target = directory.byName(link.deliverTo());
            inbound = target;
            maxMessageLength = target.maxMessageLength();
        }
        else if (null != link.deliverToRing())
        {
            final SharedRing ring = directory.sharedRing(link.deliverToRing());
            inbound = ring;
            maxMessageLength = ring.maxMessageLength();
        }

        LinkSource outbound = null;
        int senderId = MessageSlot.NO_SENDER;
        if (link.hasPort())
        {
            outbound = LinkSource.of(mailboxes.get(link.name()));
            senderId = directory.byName(link.name()).id();
            maxMessageLength = Math.max(maxMessageLength, link.portMaxMessageLength());
        }
        else if (null != link.readRing())
        {
            final SharedRing ring = sharedRings.get(link.readRing());
            outbound = LinkSource.of(ring.reader(link.readReader()));
            maxMessageLength = Math.max(maxMessageLength, ring.maxMessageLength());
        }
        // Only a shared ring keeps a one-frame message as all topic; which frame counts a link takes is the
        // transport's (a SUBSCRIBE link into an actor takes [body] and [topic][body], as a ZeroMQ SUB does).
        return new LinkRequest(link.name(), link.shape(), link.endpoints(), inbound, null != link.deliverToRing(),
            senderId, outbound, maxMessageLength, link.subscriptions(), link.limits(), counters, errorHandler, directory,
            link.security(), link.routingId(), authRefused, link.idle());
    }
}
