package io.ringway.runtime;

import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.actor.DeadLetterHandler;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.Endpoint;
import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.endpoint.Transports;
import io.ringway.runtime.errors.ConfigurationException;
import io.ringway.runtime.ring.MessageSlotFactory;
import io.ringway.runtime.status.CountersFile;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Declares a runtime: its dispatchers, its actors and where each runs. {@link #build()} checks the whole
 * declaration at once and fails with a {@link ConfigurationException} that names the fault.
 * <pre>{@code
 * Ringway ringway = Ringway.builder()
 *     .dispatcher("io")
 *     .actor("pong", PongActor::new, actor -> actor.dispatcher("io").ringSize(1024))
 *     .build();
 * }</pre>
 * Not thread safe: build on one thread.
 */
public final class RingwayBuilder
{
    /** The dispatcher created when none is declared. */
    public static final String DEFAULT_DISPATCHER = "default";

    final Map<String, DispatcherSpec> dispatchers = new LinkedHashMap<>();
    final Map<String, ActorSpec> actors = new LinkedHashMap<>();
    final Map<String, SharedRingOptions> sharedRings = new LinkedHashMap<>();
    final Map<String, LinkSpec> links = new LinkedHashMap<>();
    Path runtimeDirectory = CountersFile.defaultDirectory();
    ErrorHandler errorHandler = Throwable::printStackTrace;
    DeadLetterHandler deadLetterHandler = (actor, buffer, offset, length, header, cause) -> { };
    Consumer<CloseReport> closeReportHandler = RingwayBuilder::printIfDiscarded;
    Duration drainTimeout = Duration.ofSeconds(5);
    int batchLimit = 256;
    NanoClock clock = SystemNanoClock.INSTANCE;
    ClassLoader transportClassLoader = RingwayBuilder.class.getClassLoader();

    record DispatcherSpec(String name, Idle idle, boolean callerRun)
    {
    }

    record ActorSpec(String name, ActorFactory factory, ActorOptions options)
    {
    }

    RingwayBuilder()
    {
    }

    /**
     * Declares a dispatcher with its own thread and the default {@link Idle#BACKOFF} idle strategy.
     *
     * @param name unique among dispatchers.
     * @return this builder.
     */
    public RingwayBuilder dispatcher(final String name)
    {
        return dispatcher(name, Idle.BACKOFF);
    }

    /**
     * Declares a dispatcher with its own thread.
     *
     * @param name unique among dispatchers.
     * @param idle how its thread waits when there is no work.
     * @return this builder.
     */
    public RingwayBuilder dispatcher(final String name, final Idle idle)
    {
        return addDispatcher(new DispatcherSpec(name, Objects.requireNonNull(idle, "idle"), false));
    }

    /**
     * Declares a dispatcher with no thread of its own: the caller drives it with
     * {@code ringway.invoker(name).invoke()}, which makes tests deterministic.
     *
     * @param name unique among dispatchers.
     * @return this builder.
     */
    public RingwayBuilder callerDispatcher(final String name)
    {
        return addDispatcher(new DispatcherSpec(name, null, true));
    }

    private RingwayBuilder addDispatcher(final DispatcherSpec spec)
    {
        requireName("dispatcher", spec.name());
        if (null != dispatchers.putIfAbsent(spec.name(), spec))
        {
            throw new ConfigurationException("dispatcher name '" + spec.name() + "' is used twice");
        }
        return this;
    }

    /**
     * Declares an actor with default options.
     *
     * @param name    unique among actors.
     * @param factory creates the actor's state, at start and at each restart.
     * @return this builder.
     */
    public RingwayBuilder actor(final String name, final ActorFactory factory)
    {
        return actor(name, factory, options -> { });
    }

    /**
     * Declares an actor.
     *
     * @param name      unique among actors.
     * @param factory   creates the actor's state, at start and at each restart.
     * @param configure sets its options.
     * @return this builder.
     */
    public RingwayBuilder actor(final String name, final ActorFactory factory, final Consumer<ActorOptions> configure)
    {
        requireName("actor", name);
        Objects.requireNonNull(factory, "factory");
        final ActorOptions options = new ActorOptions();
        configure.accept(options);
        if (null != actors.putIfAbsent(name, new ActorSpec(name, factory, options)))
        {
            throw new ConfigurationException("actor name '" + name + "' is used twice");
        }
        return this;
    }

    /**
     * Declares a ring read by several readers, each with its own sequence: the basis of fan-out and pipelines.
     *
     * @param name      unique among shared rings.
     * @param configure sets its size, producers and readers.
     * @return this builder.
     */
    public RingwayBuilder sharedRing(final String name, final Consumer<SharedRingOptions> configure)
    {
        requireName("shared ring", name);
        final SharedRingOptions options = new SharedRingOptions();
        configure.accept(options);
        if (null != sharedRings.putIfAbsent(name, options))
        {
            throw new ConfigurationException("shared ring name '" + name + "' is used twice");
        }
        return this;
    }

    /**
     * Declares a link to remote peers: a port or ring reader whose messages go out, or an address or ring that
     * messages from the wire come into. Operators declare these for their remote members.
     *
     * @param spec the link; its name is unique among actors, addresses and links.
     * @return this builder.
     */
    public RingwayBuilder link(final LinkSpec spec)
    {
        Objects.requireNonNull(spec, "spec");
        if (null != links.putIfAbsent(spec.name(), spec))
        {
            throw new ConfigurationException("link name '" + spec.name() + "' is used twice");
        }
        return this;
    }

    /**
     * @param directory where the counters file goes; by default under {@code /dev/shm} or the temp directory.
     * @return this builder.
     */
    public RingwayBuilder runtimeDirectory(final Path directory)
    {
        this.runtimeDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * @param errorHandler receives every failure of actors and dispatchers; prints stack traces by default.
     * @return this builder.
     */
    public RingwayBuilder errorHandler(final ErrorHandler errorHandler)
    {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        return this;
    }

    /**
     * @param handler receives messages that could not be handled; they are counted whatever it does.
     * @return this builder.
     */
    public RingwayBuilder deadLetterHandler(final DeadLetterHandler handler)
    {
        this.deadLetterHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * @param handler receives the report of {@code close()}; by default it is printed when anything was discarded.
     * @return this builder.
     */
    public RingwayBuilder closeReportHandler(final Consumer<CloseReport> handler)
    {
        this.closeReportHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * @param timeout how long {@code close()} lets work in flight finish; 5 seconds by default.
     * @return this builder.
     */
    public RingwayBuilder drainTimeout(final Duration timeout)
    {
        this.drainTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * @param limit most messages a dispatcher takes from one mailbox per duty cycle; 256 by default.
     * @return this builder.
     */
    public RingwayBuilder batchLimit(final int limit)
    {
        this.batchLimit = limit;
        return this;
    }

    /**
     * @param clock the time source of timers and {@code nowNs()}; the system clock by default.
     * @return this builder.
     */
    public RingwayBuilder clock(final NanoClock clock)
    {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * @param classLoader where to look for transport providers; this class's loader by default.
     * @return this builder.
     */
    public RingwayBuilder transportClassLoader(final ClassLoader classLoader)
    {
        this.transportClassLoader = Objects.requireNonNull(classLoader, "classLoader");
        return this;
    }

    /**
     * Checks the whole declaration and builds the runtime, not yet started.
     *
     * @return the runtime; call {@code start()}.
     * @throws ConfigurationException naming the first fault found.
     */
    public Ringway build()
    {
        if (dispatchers.isEmpty())
        {
            dispatcher(DEFAULT_DISPATCHER);
        }
        if (batchLimit < 1)
        {
            throw new ConfigurationException("batch limit " + batchLimit + " must be at least 1");
        }
        final String firstDispatcher = dispatchers.keySet().iterator().next();
        final Set<String> inprocNames = new HashSet<>(actors.keySet());
        for (final ActorSpec actor : actors.values())
        {
            validate(actor, firstDispatcher, inprocNames);
        }
        for (final Map.Entry<String, SharedRingOptions> ring : sharedRings.entrySet())
        {
            validate(ring.getKey(), ring.getValue());
        }
        for (final LinkSpec link : links.values())
        {
            validate(link, inprocNames);
        }
        for (final ActorSpec actor : actors.values())
        {
            validateExclusiveSenders(actor, inprocNames);
        }
        return new Ringway(this);
    }

    private void validate(final ActorSpec actor, final String firstDispatcher, final Set<String> inprocNames)
    {
        final ActorOptions options = actor.options();
        final String where = "actor '" + actor.name() + "': ";
        if (null == options.dispatcher)
        {
            options.dispatcher = firstDispatcher;
        }
        if (!dispatchers.containsKey(options.dispatcher))
        {
            throw new ConfigurationException(where + "dispatcher '" + options.dispatcher + "' is not declared; "
                + "dispatchers are " + dispatchers.keySet());
        }
        checkRing(where, options.ringSize, options.maxMessageLength);
        final Set<String> attachmentNames = new HashSet<>();
        for (final ActorOptions.AttachmentSpec attachment : options.attachments)
        {
            requireName("attachment", attachment.name());
            if (!attachmentNames.add(attachment.name()))
            {
                throw new ConfigurationException(where + "attachment name '" + attachment.name() + "' is used twice");
            }
            Objects.requireNonNull(attachment.attachment(), "attachment");
            if (attachment.hasAddress())
            {
                final String address = actor.name() + "." + attachment.name();
                checkRing(where + "attachment '" + attachment.name() + "': ", attachment.ringSize(),
                    attachment.maxMessageLength());
                if (!inprocNames.add(address))
                {
                    throw new ConfigurationException(where + "address '" + address + "' of attachment '"
                        + attachment.name() + "' is already the name of an actor or endpoint");
                }
            }
        }
        if (null == options.supervision)
        {
            throw new ConfigurationException(where + "supervision policy is null");
        }
        for (final String text : options.binds)
        {
            final Endpoint endpoint = parse(where, text);
            if (endpoint.isInProcess() && !inprocNames.add(endpoint.address()))
            {
                throw new ConfigurationException(where + "inproc name '" + endpoint.address() + "' is already taken");
            }
            requireTransport(where, endpoint);
        }
        for (final String text : options.connects)
        {
            final Endpoint endpoint = parse(where, text);
            if (endpoint.isInProcess())
            {
                throw new ConfigurationException(where + "cannot connect to " + endpoint
                    + ": in-process actors are addressed by name");
            }
            requireTransport(where, endpoint);
        }
    }

    private void validate(final LinkSpec link, final Set<String> addresses)
    {
        link.validate();
        final String where = "link '" + link.name() + "': ";
        if (link.hasPort() && !addresses.add(link.name()))
        {
            throw new ConfigurationException(where + "its port's address '" + link.name()
                + "' is already the name of an actor or address");
        }
        if (link.hasPort())
        {
            requireRingFits(where + "port: ", link.portRingSize(), link.portMaxMessageLength());
        }
        for (final LinkEndpoint endpoint : link.endpoints())
        {
            requireTransport(where, endpoint.endpoint());
        }
        if (null != link.deliverTo() && !addresses.contains(link.deliverTo()) && !links.containsKey(link.deliverTo()))
        {
            throw new ConfigurationException(where + "delivers to '" + link.deliverTo()
                + "', which is no actor or address");
        }
        if (null != link.deliverToRing() && !sharedRings.containsKey(link.deliverToRing()))
        {
            throw new ConfigurationException(where + "delivers to ring '" + link.deliverToRing()
                + "', which is not declared; rings are " + sharedRings.keySet());
        }
        if (null != link.readRing())
        {
            final SharedRingOptions ring = sharedRings.get(link.readRing());
            if (null == ring || ring.readers.stream().noneMatch(reader -> reader.name().equals(link.readReader())))
            {
                throw new ConfigurationException(where + "reads ring '" + link.readRing() + "' with reader '"
                    + link.readReader() + "', which is not declared");
            }
        }
    }

    private static void validateExclusiveSenders(final ActorSpec actor, final Set<String> addresses)
    {
        for (final Map.Entry<String, String> exclusive : actor.options().exclusiveSenders.entrySet())
        {
            final boolean addressed = actor.options().attachments.stream()
                .anyMatch(a -> a.name().equals(exclusive.getKey()) && a.hasAddress());
            if (!addressed)
            {
                throw new ConfigurationException("actor '" + actor.name() + "': attachment '" + exclusive.getKey()
                    + "' has no address of its own to restrict");
            }
            if (!addresses.contains(exclusive.getValue()))
            {
                throw new ConfigurationException("actor '" + actor.name() + "': attachment '" + exclusive.getKey()
                    + "' accepts only from '" + exclusive.getValue() + "', which is no actor or address");
            }
        }
    }

    private static void validate(final String ringName, final SharedRingOptions options)
    {
        final String where = "shared ring '" + ringName + "': ";
        checkRing(where, options.ringSize, options.maxMessageLength);
        final Set<String> declared = new HashSet<>();
        for (final SharedRingOptions.ReaderSpec reader : options.readers)
        {
            requireName("reader", reader.name());
            if (null == reader.mode())
            {
                throw new ConfigurationException(where + "reader '" + reader.name() + "' has no read mode");
            }
            for (final String upstream : reader.after())
            {
                if (!declared.contains(upstream))
                {
                    throw new ConfigurationException(where + "reader '" + reader.name() + "' comes after '" + upstream
                        + "', which is not a reader declared before it");
                }
            }
            if (reader.mode() == io.ringway.runtime.ring.ReadMode.LOSSY
                && (options.producerType == com.lmax.disruptor.dsl.ProducerType.SINGLE || !reader.after().isEmpty()))
            {
                throw new ConfigurationException(where + "lossy reader '" + reader.name()
                    + "' needs a multi-producer ring and no readers before it");
            }
            if (!declared.add(reader.name()))
            {
                throw new ConfigurationException(where + "reader name '" + reader.name() + "' is used twice");
            }
        }
    }

    private static void checkRing(final String where, final int ringSize, final int maxMessageLength)
    {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1)
        {
            throw new ConfigurationException(where + "ring size " + ringSize + " is not a power of two (at least 2)");
        }
        if (maxMessageLength < 1)
        {
            throw new ConfigurationException(where + "max message length " + maxMessageLength
                + " must be at least 1 byte");
        }
        requireRingFits(where, ringSize, maxMessageLength);
    }

    /**
     * @throws ConfigurationException when the ring's slots would take more than
     * {@link MessageSlotFactory#MAX_RING_BYTES}: such a ring cannot be addressed, and would otherwise fail to build
     * with an arithmetic overflow or run the process out of memory.
     */
    private static void requireRingFits(final String where, final int ringSize, final int maxMessageLength)
    {
        final long ringBytes = MessageSlotFactory.ringBytes(ringSize, maxMessageLength);
        if (ringBytes > MessageSlotFactory.MAX_RING_BYTES)
        {
            throw new ConfigurationException(where + "ring of " + ringSize + " slots of " + maxMessageLength
                + " bytes needs " + ringBytes + " bytes, more than the " + MessageSlotFactory.MAX_RING_BYTES
                + " one ring may take");
        }
    }

    private static Endpoint parse(final String where, final String text)
    {
        try
        {
            return Endpoint.parse(text);
        }
        catch (final ConfigurationException ex)
        {
            throw new ConfigurationException(where + ex.getMessage(), ex);
        }
    }

    private void requireTransport(final String where, final Endpoint endpoint)
    {
        if (!endpoint.isInProcess())
        {
            try
            {
                Transports.require(endpoint, transportClassLoader);
            }
            catch (final ConfigurationException ex)
            {
                throw new ConfigurationException(where + ex.getMessage(), ex);
            }
        }
    }

    private static void requireName(final String kind, final String name)
    {
        if (null == name || name.isBlank())
        {
            throw new ConfigurationException(kind + " name must not be empty");
        }
    }

    private static void printIfDiscarded(final CloseReport report)
    {
        if (report.discarded() > 0 || !report.drained())
        {
            System.err.println(report);
        }
    }
}
