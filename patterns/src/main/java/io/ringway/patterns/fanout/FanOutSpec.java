package io.ringway.patterns.fanout;

import io.ringway.patterns.OperatorSpec;
import io.ringway.patterns.RemoteMembers;
import io.ringway.patterns.TopologyView;
import io.ringway.runtime.ActorOptions;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.SharedRingOptions;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkLimits;
import io.ringway.runtime.endpoint.LinkSecurity;
import io.ringway.runtime.endpoint.LinkShape;
import io.ringway.runtime.errors.ConfigurationException;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fan-out (ZeroMQ PUB/SUB, RFC 29) as declared in the topology DSL: publishers write {@code [topic][body]}
 * into one multicast ring; each subscriber reads it with its own sequence and receives the messages whose topic
 * starts with one of its prefixes.
 * <pre>
 *   feedA --publish--+                     +--> strategyA  LOSSLESS  "EUR" "GBP"  (gates the publishers)
 *                    +--> [ ring prices ] -+--> strategyB  LOSSLESS  ""           (everything)
 *   feedB --publish--+     one slot per    +--> monitor    LOSSY     "EUR"        (may be lapped; counts misses)
 *                          message, never
 *                          copied per subscriber
 * </pre>
 * <pre>{@code
 * .fanOut("prices", fanOut -> fanOut
 *     .publisher("feedA")
 *     .publisher("feedB")
 *     .subscriber("strategyA", Delivery.LOSSLESS, "EUR", "GBP")
 *     .subscriber("monitor", Delivery.LOSSY, "EUR")
 *     .ringSize(1024))
 * }</pre>
 * Publishers find a {@link FanOutPublisher} and subscribers a {@link Subscription} with
 * {@code context.attachment("prices", ...)}. The ring is a shared ring of the runtime named after the operator;
 * each subscriber's reader is named after the subscriber, so a lossy subscriber's misses show in the counters
 * file as {@code ring prices reader monitor: dropped}.
 * <p>
 * {@code build()} fails with a {@link ConfigurationException} naming the fan-out and the fault: no publisher or
 * no subscriber, a member that is not an actor, a member declared twice, an actor that is both publisher and
 * subscriber, a ring size that is not a power of two, a declared prefix that does not fit the prefix storage,
 * or {@link #singleProducer()} with several publishers or a lossy subscriber.
 * <p>
 * Not thread safe: declare on one thread.
 */
public final class FanOutSpec implements OperatorSpec
{
    /** Default most distinct prefixes a subscriber holds at once. */
    public static final int DEFAULT_MAX_PREFIXES = 32;
    /** Default longest prefix, in bytes. */
    public static final int DEFAULT_MAX_PREFIX_LENGTH = 64;
    /** Default most messages a subscriber takes from the ring per duty cycle. */
    public static final int DEFAULT_BATCH_LIMIT = 256;
    /** The ring reader of the remote subscribers' link, and the suffix of the links' names. */
    public static final String REMOTE = "~remote";

    private final String name;
    private final List<String> publishers = new ArrayList<>();
    private final List<SubscriberDeclaration> subscribers = new ArrayList<>();
    private int ringSize = ActorOptions.DEFAULT_RING_SIZE;
    private int maxMessageLength = ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH;
    private int maxPrefixes = DEFAULT_MAX_PREFIXES;
    private int maxPrefixLength = DEFAULT_MAX_PREFIX_LENGTH;
    private int batchLimit = DEFAULT_BATCH_LIMIT;
    private boolean singleProducer;
    private final RemoteMembers remoteSubscribers = new RemoteMembers();
    private final RemoteMembers remotePublishers = new RemoteMembers();
    private Delivery remoteDelivery = Delivery.LOSSLESS;

    private record SubscriberDeclaration(String name, Delivery delivery, String[] prefixes)
    {
    }

    /** @param name of the operator, unique in its topology; also the name of its ring and attachments. */
    public FanOutSpec(final String name)
    {
        this.name = name;
    }

    @Override
    public String name()
    {
        return name;
    }

    /**
     * @param actorName an actor that publishes; it gets a {@link FanOutPublisher}. Call once per publisher.
     * @return this spec.
     */
    public FanOutSpec publisher(final String actorName)
    {
        publishers.add(actorName);
        return this;
    }

    /**
     * @param actorName an actor that subscribes; it gets a {@link Subscription}.
     * @param delivery  lossless (gates the publishers) or lossy (may be lapped, counts what it misses).
     * @param prefixes  topic prefixes it starts with, as UTF-8 bytes; "" takes everything, none takes nothing
     *                  until it subscribes. A prefix given twice needs two unsubscribes.
     * @return this spec.
     */
    public FanOutSpec subscriber(final String actorName, final Delivery delivery, final String... prefixes)
    {
        subscribers.add(new SubscriberDeclaration(actorName, delivery, prefixes.clone()));
        return this;
    }

    /**
     * Adds remote subscribers: ZeroMQ SUB peers (in any language) that connect to the bound endpoints, or bind
     * the connected ones. They get {@code [topic][body]} frames and filter by prefix as any SUB does. They read
     * the ring through one reader, {@link #REMOTE}, which gates the publishers when lossless; a remote peer at
     * its high-water mark holds that reader back (it is never dropped silently).
     *
     * @param delivery  lossless or lossy, for the remote subscribers' reader as a whole.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}; may be called again to add more.
     * @return this spec.
     */
    public FanOutSpec remoteSubscribers(final Delivery delivery, final LinkEndpoint... endpoints)
    {
        this.remoteDelivery = delivery;
        remoteSubscribers.add(endpoints);
        return this;
    }

    /**
     * As {@link #remoteSubscribers(Delivery, LinkEndpoint...)}, served with CURVE.
     *
     * @param delivery  lossless or lossy, for the remote subscribers' reader as a whole.
     * @param security  CURVE for the link: {@link LinkSecurity#curveServer} (secret key file and the clients'
     *                  public keys allowed) or {@link LinkSecurity#curveClient} (own key file and the server's
     *                  public key). Every call for this role must give the same.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public FanOutSpec remoteSubscribers(final Delivery delivery, final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        this.remoteDelivery = delivery;
        remoteSubscribers.add(security, endpoints);
        return this;
    }

    /**
     * Adds remote publishers: ZeroMQ PUB peers whose {@code [topic][body]} messages go into this fan-out's ring,
     * as from a local publisher. The link subscribes to everything; local subscribers filter by their prefixes.
     *
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}; may be called again to add more.
     * @return this spec.
     */
    public FanOutSpec remotePublishers(final LinkEndpoint... endpoints)
    {
        remotePublishers.add(endpoints);
        return this;
    }

    /**
     * As {@link #remotePublishers(LinkEndpoint...)}, served with CURVE.
     *
     * @param security  CURVE for the link: {@link LinkSecurity#curveServer} (secret key file and the clients'
     *                  public keys allowed) or {@link LinkSecurity#curveClient} (own key file and the server's
     *                  public key). Every call for this role must give the same.
     * @param endpoints {@link LinkEndpoint#bind} or {@link LinkEndpoint#connect}.
     * @return this spec.
     */
    public FanOutSpec remotePublishers(final LinkSecurity security, final LinkEndpoint... endpoints)
    {
        remotePublishers.add(security, endpoints);
        return this;
    }

    /**
     * @param limits linger, handshake, heartbeats and high-water mark of the remote links.
     * @return this spec.
     */
    public FanOutSpec linkLimits(final LinkLimits limits)
    {
        remoteSubscribers.limits(limits);
        remotePublishers.limits(limits);
        return this;
    }

    /**
     * @param idle how the remote links' threads wait for work ({@code LinkSpec.idle}): {@link Idle#BACKOFF} by
     *             default; {@link Idle#BUSY_SPIN} or {@link Idle#YIELDING} for latency with a core free per link.
     * @return this spec.
     */
    public FanOutSpec linkIdle(final Idle idle)
    {
        remoteSubscribers.idle(idle);
        remotePublishers.idle(idle);
        return this;
    }

    /**
     * @param ringSize slots in the ring, a power of two; {@link ActorOptions#DEFAULT_RING_SIZE} by default.
     * @return this spec.
     */
    public FanOutSpec ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * @param maxMessageLength largest topic plus body, in bytes; {@link ActorOptions#DEFAULT_MAX_MESSAGE_LENGTH}
     *                         by default.
     * @return this spec.
     */
    public FanOutSpec maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * @param maxPrefixes most distinct prefixes one subscriber holds at once; storage is sized by it.
     * @return this spec.
     */
    public FanOutSpec maxPrefixes(final int maxPrefixes)
    {
        this.maxPrefixes = maxPrefixes;
        return this;
    }

    /**
     * @param maxPrefixLength longest prefix, in bytes; storage is sized by it.
     * @return this spec.
     */
    public FanOutSpec maxPrefixLength(final int maxPrefixLength)
    {
        this.maxPrefixLength = maxPrefixLength;
        return this;
    }

    /**
     * @param batchLimit most messages a subscriber takes from the ring per duty cycle, for fairness with the
     *                   other actors of its dispatcher.
     * @return this spec.
     */
    public FanOutSpec batchLimit(final int batchLimit)
    {
        this.batchLimit = batchLimit;
        return this;
    }

    /**
     * Declares that one thread publishes, so the ring uses the single-producer sequencer. Needs exactly one
     * publisher and only lossless subscribers (a lossy reader needs a multi-producer ring to detect overwrites).
     *
     * @return this spec.
     */
    public FanOutSpec singleProducer()
    {
        this.singleProducer = true;
        return this;
    }

    @Override
    public void validate(final TopologyView topology)
    {
        final String where = "fan-out '" + name + "'";
        if (publishers.isEmpty() && remotePublishers.isEmpty())
        {
            throw new ConfigurationException(where + ": has no publisher");
        }
        if (subscribers.isEmpty() && remoteSubscribers.isEmpty())
        {
            throw new ConfigurationException(where + ": has no subscriber");
        }
        remoteSubscribers.validate(where + " remote subscribers");
        remotePublishers.validate(where + " remote publishers");
        if (null == remoteDelivery)
        {
            throw new ConfigurationException(where + ": remote subscribers have no delivery (LOSSLESS or LOSSY)");
        }
        if (singleProducer && !remotePublishers.isEmpty())
        {
            throw new ConfigurationException(where + ": singleProducer() cannot have remote publishers, whose link "
                + "thread is a producer of its own");
        }
        final Set<String> publisherNames = new HashSet<>();
        for (final String publisher : publishers)
        {
            topology.requireActor(where, "publisher", publisher);
            if (!publisherNames.add(publisher))
            {
                throw new ConfigurationException(where + ": publisher '" + publisher + "' is declared twice");
            }
        }
        final Set<String> subscriberNames = new HashSet<>();
        for (final SubscriberDeclaration subscriber : subscribers)
        {
            topology.requireActor(where, "subscriber", subscriber.name());
            if (!subscriberNames.add(subscriber.name()))
            {
                throw new ConfigurationException(where + ": subscriber '" + subscriber.name() + "' is declared twice");
            }
            if (publisherNames.contains(subscriber.name()))
            {
                throw new ConfigurationException(where + ": '" + subscriber.name()
                    + "' is both a publisher and a subscriber; an actor has one end of a fan-out");
            }
            validate(where, subscriber);
        }
        validateRing(where);
    }

    private void validate(final String where, final SubscriberDeclaration subscriber)
    {
        final String who = where + ": subscriber '" + subscriber.name() + "'";
        if (null == subscriber.delivery())
        {
            throw new ConfigurationException(who + " has no delivery (LOSSLESS or LOSSY)");
        }
        if (singleProducer && subscriber.delivery() == Delivery.LOSSY)
        {
            throw new ConfigurationException(who + " is lossy, which needs a multi-producer ring: "
                + "drop singleProducer() or make it lossless");
        }
        final Set<String> distinct = new HashSet<>();
        for (final String prefix : subscriber.prefixes())
        {
            if (null == prefix)
            {
                throw new ConfigurationException(who + " has a null prefix; use \"\" to take everything");
            }
            final int length = prefix.getBytes(StandardCharsets.UTF_8).length;
            if (length > maxPrefixLength)
            {
                throw new ConfigurationException(who + ": prefix '" + prefix + "' is " + length
                    + " bytes, longer than maxPrefixLength " + maxPrefixLength);
            }
            distinct.add(prefix);
        }
        if (distinct.size() > maxPrefixes)
        {
            throw new ConfigurationException(who + " declares " + distinct.size()
                + " distinct prefixes, more than maxPrefixes " + maxPrefixes);
        }
    }

    private void validateRing(final String where)
    {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1)
        {
            throw new ConfigurationException(where + ": ring size " + ringSize + " is not a power of two (at least 2)");
        }
        if (maxMessageLength < 1)
        {
            throw new ConfigurationException(where + ": max message length " + maxMessageLength
                + " must be at least 1 byte");
        }
        if (maxPrefixes < 1 || maxPrefixLength < 0)
        {
            throw new ConfigurationException(where + ": prefix storage of " + maxPrefixes + " prefixes of "
                + maxPrefixLength + " bytes must hold at least one prefix");
        }
        if (batchLimit < 1)
        {
            throw new ConfigurationException(where + ": batch limit " + batchLimit + " must be at least 1");
        }
        if (singleProducer && publishers.size() != 1)
        {
            throw new ConfigurationException(where + ": singleProducer() needs exactly one publisher, not "
                + publishers.size());
        }
    }

    @Override
    public void declare(final RingwayBuilder runtime)
    {
        runtime.sharedRing(name, this::declareRing);
        if (!remoteSubscribers.isEmpty())
        {
            runtime.link(remoteSubscribers.link(name + REMOTE + "-subscribers", LinkShape.PUBLISH)
                .readFrom(name, REMOTE));
        }
        if (!remotePublishers.isEmpty())
        {
            runtime.link(remotePublishers.link(name + REMOTE + "-publishers", LinkShape.SUBSCRIBE)
                .deliverToRing(name));
        }
    }

    private void declareRing(final SharedRingOptions ring)
    {
        ring.ringSize(ringSize).maxMessageLength(maxMessageLength);
        if (singleProducer)
        {
            ring.singleProducer();
        }
        for (final SubscriberDeclaration subscriber : subscribers)
        {
            ring.reader(subscriber.name(), subscriber.delivery().readMode());
        }
        if (!remoteSubscribers.isEmpty())
        {
            ring.reader(REMOTE, remoteDelivery.readMode());
        }
    }

    @Override
    public void configure(final String actorName, final ActorOptions options)
    {
        if (publishers.contains(actorName))
        {
            options.attach(name, new FanOutPublisher(name));
        }
        for (final SubscriberDeclaration subscriber : subscribers)
        {
            if (subscriber.name().equals(actorName))
            {
                options.attach(name, newSubscription(subscriber));
            }
        }
    }

    private Subscription newSubscription(final SubscriberDeclaration subscriber)
    {
        final TopicPrefixes prefixes = new TopicPrefixes(maxPrefixes, maxPrefixLength);
        for (final String prefix : subscriber.prefixes())
        {
            final UnsafeBuffer bytes = new UnsafeBuffer(prefix.getBytes(StandardCharsets.UTF_8));
            prefixes.add(bytes, 0, bytes.capacity());
        }
        return new Subscription(name, subscriber.name(), subscriber.delivery(), batchLimit, prefixes);
    }
}
