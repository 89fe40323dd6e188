package io.ringway.runtime;

import io.ringway.runtime.actor.ActorDirectory;
import io.ringway.runtime.actor.ActorRef;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringway.runtime.agent.AttachmentBinding;
import io.ringway.runtime.agent.Dispatcher;
import io.ringway.runtime.endpoint.Endpoint;
import io.ringway.runtime.endpoint.Link;
import io.ringway.runtime.endpoint.LinkRequest;
import io.ringway.runtime.endpoint.LinkSecurity;
import io.ringway.runtime.endpoint.LinkSpec;
import io.ringway.runtime.endpoint.Transports;
import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.ring.RingReader;
import io.ringway.runtime.ring.SharedRing;
import io.ringway.runtime.status.CounterType;
import io.ringway.runtime.status.CountersFile;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running set of actors: their mailboxes, the dispatchers that run them, their counters file and their
 * links. Built by {@link #builder()}; {@link #start()} starts the dispatcher threads; {@link #close()} stops
 * intake, lets the work in flight finish up to the drain timeout, joins every thread it started and reports
 * anything it had to discard.
 * <p>
 * Thread safety: {@link #actor(String)} and the counters are safe from any thread. {@link #start()} and
 * {@link #close()} are for one controlling thread; when the runtime has caller-run dispatchers, call them from
 * the thread that drives those dispatchers.
 */
public final class Ringway implements AutoCloseable
{
    private static final int COUNTERS_PER_OWNER = 6;
    /** Room for the counters an attachment names itself (timeouts, late replies, ...). */
    private static final int OPERATOR_COUNTERS_PER_ATTACHMENT = 8;
    private static final int SPARE_COUNTERS = 64;

    private enum State
    {
        BUILT, RUNNING, CLOSED
    }

    private final CountersFile countersFile;
    private final ActorDirectory directory;
    private final Map<String, ActorRef> actorsByEndpointName = new HashMap<>();
    private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
    private final Map<String, SharedRing> sharedRings = new LinkedHashMap<>();
    private final Map<String, MessageCounters> actorCounters = new HashMap<>();
    private final Map<String, Dispatcher> dispatchers = new LinkedHashMap<>();
    private final Map<String, AgentInvoker> invokers = new LinkedHashMap<>();
    private final List<AgentRunner> runners = new ArrayList<>();
    private final List<LinkRequest> linkRequests = new ArrayList<>();
    private final Map<String, MessageCounters> linkCounters = new LinkedHashMap<>();
    private final Map<String, AtomicCounter> authRefusedCounters = new HashMap<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final RingwayBuilder config;
    private State state = State.BUILT;
    private CloseReport closeReport;

    /**
     * @return a builder to declare dispatchers and actors.
     */
    public static RingwayBuilder builder()
    {
        return new RingwayBuilder();
    }

    Ringway(final RingwayBuilder config)
    {
        this.config = config;
        int owners = config.actors.size() + config.dispatchers.size();
        int attachments = 0;
        for (final RingwayBuilder.ActorSpec spec : config.actors.values())
        {
            attachments += spec.options().attachments.size();
        }
        owners += attachments;
        for (final SharedRingOptions ring : config.sharedRings.values())
        {
            owners += 1 + ring.readers.size();
        }
        final List<LinkSpec> linkSpecs = LinkResolver.allLinks(config);
        owners += linkSpecs.size();
        this.countersFile = CountersFile.create(config.runtimeDirectory,
            owners * COUNTERS_PER_OWNER + attachments * OPERATOR_COUNTERS_PER_ATTACHMENT + SPARE_COUNTERS);
        final CountersManager countersManager = countersFile.countersManager();
        final ErrorHandler errorHandler = config.errorHandler;

        for (final RingwayBuilder.DispatcherSpec spec : config.dispatchers.values())
        {
            dispatchers.put(spec.name(), new Dispatcher(
                spec.name(), config.batchLimit, config.clock, MessageCounters.forDispatcher(countersManager, spec.name())));
        }

        final List<ActorRef> refs = new ArrayList<>();
        for (final RingwayBuilder.ActorSpec spec : config.actors.values())
        {
            final ActorOptions options = spec.options();
            refs.add(newAddress(spec.name(), options, options.producerType, options.ringSize, options.maxMessageLength,
                countersManager, refs.size()));
        }
        for (final RingwayBuilder.ActorSpec spec : config.actors.values())
        {
            final ActorOptions options = spec.options();
            for (final ActorOptions.AttachmentSpec attachment : options.attachments)
            {
                if (attachment.hasAddress())
                {
                    refs.add(newAddress(spec.name() + "." + attachment.name(), options, ProducerType.MULTI,
                        attachment.ringSize(), attachment.maxMessageLength(), countersManager, refs.size()));
                }
            }
        }
        for (final LinkSpec link : linkSpecs)
        {
            final MessageCounters counters = MessageCounters.forOwner(countersManager, "link " + link.name(), null);
            linkCounters.put(link.name(), counters);
            if (null != link.security() && link.security().isServer())
            {
                authRefusedCounters.put(link.name(), countersManager.newCounter(
                    "link " + link.name() + ": " + LinkSecurity.AUTH_REFUSED_COUNTER, CounterType.OPERATOR_COUNTER_TYPE_ID));
            }
            if (link.hasPort())
            {
                final Mailbox port = new Mailbox(
                    ProducerType.MULTI, link.portRingSize(), link.portMaxMessageLength(), counters);
                mailboxes.put(link.name(), port);
                refs.add(new ActorRef(link.name(), refs.size(), port));
            }
        }
        for (final Map.Entry<String, SharedRingOptions> ring : config.sharedRings.entrySet())
        {
            sharedRings.put(ring.getKey(), newSharedRing(ring.getKey(), ring.getValue(), countersManager));
        }
        this.directory = new ActorDirectory(refs, sharedRings);
        for (final LinkSpec link : linkSpecs)
        {
            linkRequests.add(LinkResolver.resolve(
                link, directory, mailboxes, sharedRings, linkCounters.get(link.name()),
                authRefusedCounters.get(link.name()), errorHandler));
        }
        for (final RingwayBuilder.ActorSpec spec : config.actors.values())
        {
            for (final Map.Entry<String, String> exclusive : spec.options().exclusiveSenders.entrySet())
            {
                mailboxes.get(spec.name() + "." + exclusive.getKey())
                    .acceptOnlyFrom(directory.byName(exclusive.getValue()).id());
            }
        }
        for (final LinkSpec link : linkSpecs)
        {
            if (null != link.portSender())
            {
                mailboxes.get(link.name()).acceptOnlyFrom(directory.byName(link.portSender()).id());
            }
        }

        for (final RingwayBuilder.ActorSpec spec : config.actors.values())
        {
            final ActorOptions options = spec.options();
            final ActorRef ref = directory.byName(spec.name());
            dispatchers.get(options.dispatcher).addActor(ref, mailboxes.get(spec.name()), spec.factory(),
                options.supervision, actorCounters.get(spec.name()), directory, errorHandler, config.deadLetterHandler,
                bindAttachments(spec.name(), options, countersManager));
            declareInprocNames(ref, options);
        }
    }

    private ActorRef newAddress(
        final String name,
        final ActorOptions options,
        final ProducerType producerType,
        final int ringSize,
        final int maxMessageLength,
        final CountersManager countersManager,
        final int id)
    {
        final MessageCounters counters = MessageCounters.forActor(
            countersManager, name, dispatchers.get(options.dispatcher).counters());
        final Mailbox mailbox = new Mailbox(producerType, ringSize, maxMessageLength, counters);
        mailboxes.put(name, mailbox);
        actorCounters.put(name, counters);
        return new ActorRef(name, id, mailbox);
    }

    private static SharedRing newSharedRing(
        final String name, final SharedRingOptions options, final CountersManager countersManager)
    {
        final MessageCounters ringCounters = MessageCounters.forOwner(countersManager, "ring " + name, null);
        final SharedRing ring = new SharedRing(
            name, options.producerType, options.ringSize, options.maxMessageLength, ringCounters);
        for (final SharedRingOptions.ReaderSpec spec : options.readers)
        {
            final RingReader[] after = new RingReader[spec.after().size()];
            for (int i = 0; i < after.length; i++)
            {
                after[i] = ring.reader(spec.after().get(i));
            }
            final MessageCounters readerCounters = MessageCounters.forOwner(
                countersManager, "ring " + name + " reader " + spec.name(), ringCounters);
            ring.addReader(spec.name(), spec.mode(), readerCounters, after);
        }
        return ring;
    }

    private List<AttachmentBinding> bindAttachments(
        final String actorName, final ActorOptions options, final CountersManager countersManager)
    {
        final List<AttachmentBinding> bindings = new ArrayList<>();
        for (final ActorOptions.AttachmentSpec attachment : options.attachments)
        {
            final String address = actorName + "." + attachment.name();
            bindings.add(attachment.hasAddress() ?
                new AttachmentBinding(attachment.name(), attachment.attachment(), mailboxes.get(address),
                    directory.byName(address), actorCounters.get(address), countersManager) :
                new AttachmentBinding(attachment.name(), attachment.attachment(), null, null, null, countersManager));
        }
        return bindings;
    }

    private void declareInprocNames(final ActorRef ref, final ActorOptions options)
    {
        for (final String text : options.binds)
        {
            final Endpoint endpoint = Endpoint.parse(text);
            if (endpoint.isInProcess())
            {
                actorsByEndpointName.put(endpoint.address(), ref);
            }
        }
    }

    /**
     * Creates the actors (each on its dispatcher's thread), starts the dispatcher threads and opens the links.
     *
     * @return this runtime.
     * @throws IllegalStateException if already started or closed.
     */
    public synchronized Ringway start()
    {
        if (state != State.BUILT)
        {
            throw new IllegalStateException("runtime is " + state + "; start() is allowed once, after build()");
        }
        state = State.RUNNING;
        for (final RingwayBuilder.DispatcherSpec spec : config.dispatchers.values())
        {
            final Dispatcher dispatcher = dispatchers.get(spec.name());
            final MessageCounters counters = dispatcher.counters();
            if (spec.callerRun())
            {
                final AgentInvoker invoker = new AgentInvoker(config.errorHandler, counters.errorCounter(), dispatcher);
                invoker.start();
                invokers.put(spec.name(), invoker);
            }
            else
            {
                final AgentRunner runner = new AgentRunner(
                    spec.idle().newStrategy(), config.errorHandler, counters.errorCounter(), dispatcher);
                AgentRunner.startOnThread(runner);
                runners.add(runner);
            }
        }
        try
        {
            for (final LinkRequest request : linkRequests)
            {
                final Endpoint first = request.endpoints().get(0).endpoint();
                links.put(request.name(), Transports.require(first, config.transportClassLoader).open(request));
            }
        }
        catch (final RuntimeException ex)
        {
            close(0);
            throw ex;
        }
        return this;
    }

    /**
     * @param name an actor's name, or the name of an {@code inproc://} endpoint it binds.
     * @return the actor's address.
     * @throws IllegalArgumentException if there is no such actor.
     */
    public ActorRef actor(final String name)
    {
        final String local = name.startsWith(Endpoint.INPROC + "://") ? Endpoint.parse(name).address() : name;
        final ActorRef aliased = actorsByEndpointName.get(local);
        return null != aliased ? aliased : directory.byName(local);
    }

    /**
     * @param name a shared ring's name.
     * @return the ring.
     * @throws IllegalArgumentException if there is no such ring.
     */
    public SharedRing sharedRing(final String name)
    {
        return directory.sharedRing(name);
    }

    /**
     * @param dispatcherName a dispatcher declared with {@code callerDispatcher}.
     * @return its invoker: each {@code invoke()} runs one duty cycle on the calling thread.
     * @throws IllegalArgumentException if there is no such caller-run dispatcher, or the runtime is not started.
     */
    public AgentInvoker invoker(final String dispatcherName)
    {
        final AgentInvoker invoker = invokers.get(dispatcherName);
        if (null == invoker)
        {
            throw new IllegalArgumentException("no started caller-run dispatcher '" + dispatcherName + "'; "
                + "caller-run dispatchers are " + invokers.keySet());
        }
        return invoker;
    }

    /**
     * @param actorName an actor's name, or {@code actor.attachment} for an attachment's own address.
     * @return its counters.
     */
    public MessageCounters actorCounters(final String actorName)
    {
        final MessageCounters counters = actorCounters.get(actorName);
        if (null == counters)
        {
            throw new IllegalArgumentException("no actor named '" + actorName + "'");
        }
        return counters;
    }

    /**
     * @param dispatcherName a dispatcher's name.
     * @return its counters: the sums of its actors'.
     */
    public MessageCounters dispatcherCounters(final String dispatcherName)
    {
        final Dispatcher dispatcher = dispatchers.get(dispatcherName);
        if (null == dispatcher)
        {
            throw new IllegalArgumentException("no dispatcher named '" + dispatcherName + "'");
        }
        return dispatcher.counters();
    }

    /**
     * @param linkName a link declared on the builder, or {@code actor@endpoint} for an actor's own bind or
     *                 connect.
     * @return the open link, to read the endpoints it got.
     * @throws IllegalArgumentException if there is no such open link.
     */
    public Link link(final String linkName)
    {
        final Link link = links.get(linkName);
        if (null == link)
        {
            throw new IllegalArgumentException("no open link named '" + linkName + "'; links are " + links.keySet());
        }
        return link;
    }

    /**
     * @param linkName a link's name.
     * @return its counters: sent and received on the wire, back-pressured, dropped, errors.
     */
    public MessageCounters linkCounters(final String linkName)
    {
        final MessageCounters counters = linkCounters.get(linkName);
        if (null == counters)
        {
            throw new IllegalArgumentException("no link named '" + linkName + "'");
        }
        return counters;
    }

    /** @return the counters file that other processes can read. */
    public Path countersFile()
    {
        return countersFile.path();
    }

    /** @return the report of the last {@code close()}, or null while open. */
    public synchronized CloseReport closeReport()
    {
        return closeReport;
    }

    /**
     * Closes with the configured drain timeout; the report goes to the close report handler.
     */
    @Override
    public void close()
    {
        close(config.drainTimeout.toNanos());
    }

    /**
     * Stops intake from outside senders, lets actors finish the work in flight (they may still send to each
     * other) until every mailbox is empty or {@code drainTimeoutNs} passes, then closes every mailbox, stops
     * and joins every dispatcher thread, closes the links, and counts what was left as dropped. Idempotent.
     *
     * @param drainTimeoutNs how long to let work in flight finish.
     * @return what was drained and what was discarded.
     */
    public synchronized CloseReport close(final long drainTimeoutNs)
    {
        if (state == State.CLOSED)
        {
            return closeReport;
        }
        final boolean wasRunning = state == State.RUNNING;
        state = State.CLOSED;
        final long startNs = System.nanoTime();

        for (final Mailbox mailbox : mailboxes.values())
        {
            mailbox.drain();
        }
        for (final SharedRing ring : sharedRings.values())
        {
            ring.drain();
        }
        // Links stay open while the work in flight drains: outbound links empty their ports and ring readers
        // onto the wire; inbound links meet closed intake (CLOSED, counted as dropped).
        final boolean drained = !wasRunning || awaitQuiescence(startNs + drainTimeoutNs);
        for (final Link link : links.values())
        {
            closeQuietly(link);
        }
        for (final Mailbox mailbox : mailboxes.values())
        {
            mailbox.close();
        }
        for (final SharedRing ring : sharedRings.values())
        {
            ring.close();
        }
        for (final AgentRunner runner : runners)
        {
            runner.close();
        }
        for (final AgentInvoker invoker : invokers.values())
        {
            invoker.close();
        }

        long discarded = 0;
        final Map<String, Long> discardedByActor = new LinkedHashMap<>();
        for (final Map.Entry<String, Mailbox> entry : mailboxes.entrySet())
        {
            final long left = entry.getValue().discardBacklog();
            if (left > 0)
            {
                discarded += left;
                discardedByActor.put(entry.getKey(), left);
            }
        }
        for (final Link link : links.values())
        {
            final long unsent = link.unsent();
            if (unsent > 0)
            {
                discarded += unsent;
                discardedByActor.merge(link.name(), unsent, Long::sum);
            }
        }
        for (final SharedRing ring : sharedRings.values())
        {
            discarded += ring.discardBacklog(discardedByActor);
        }
        countersFile.close();

        closeReport = new CloseReport(drained, discarded, Map.copyOf(discardedByActor), System.nanoTime() - startNs);
        config.closeReportHandler.accept(closeReport);
        return closeReport;
    }

    /**
     * Waits until two passes in a row find every mailbox empty and no new message sent between them. A handler
     * that is running holds its mailbox non-empty until it returns, and anything it sends moves a position, so
     * two such passes mean no work is left anywhere.
     */
    private boolean awaitQuiescence(final long deadlineNs)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(1, 1, 1_000, 100_000);
        long previousPositions = -1;
        while (true)
        {
            for (final AgentInvoker invoker : invokers.values())
            {
                invoker.invoke();
            }
            long positions = 0;
            boolean empty = true;
            for (final Mailbox mailbox : mailboxes.values())
            {
                empty &= mailbox.backlog() == 0;
                positions += mailbox.position();
            }
            for (final SharedRing ring : sharedRings.values())
            {
                empty &= ring.backlog() == 0;
                positions += ring.position();
            }
            if (empty && positions == previousPositions)
            {
                return true;
            }
            previousPositions = empty ? positions : -1;
            if (deadlineNs - System.nanoTime() < 0)
            {
                return false;
            }
            idle.idle();
        }
    }

    private void closeQuietly(final Link link)
    {
        try
        {
            link.close();
        }
        catch (final RuntimeException ex)
        {
            config.errorHandler.onError(ex);
        }
    }
}
