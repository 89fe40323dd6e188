package io.ringway.runtime.agent;

import io.ringway.runtime.actor.ActorDirectory;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.DeadLetterHandler;
import io.ringway.runtime.actor.Supervision;
import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.DeadlineTimerWheel;
import org.agrona.ErrorHandler;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A thread's worth of actors: an Agrona {@link Agent} whose duty cycle reads the clock once, fires due timers,
 * then polls each actor's mailbox up to a batch limit, and returns the work done to its idle strategy.
 * <p>
 * Run by an {@code AgentRunner} on its own thread, or by an {@code AgentInvoker} on the caller's thread.
 * Thread safety: none; after {@link #addActor} calls at build time, everything runs on the one thread that
 * drives the agent.
 */
public final class Dispatcher implements Agent, DeadlineTimerWheel.TimerHandler
{
    /** Timer resolution: 2^17 ns, about 131 microseconds. A timer fires at most one tick late. */
    public static final long TIMER_TICK_NS = 1L << 17;
    private static final int TICKS_PER_WHEEL = 512;
    private static final int TIMER_EXPIRY_LIMIT = 64;

    private final String roleName;
    private final String name;
    private final int batchLimit;
    private final NanoClock clock;
    private final MessageCounters counters;
    private final DeadlineTimerWheel timerWheel;
    private final Long2ObjectHashMap<ActorCell> timerOwners = new Long2ObjectHashMap<>();
    private final List<ActorCell> cellList = new ArrayList<>();
    private ActorCell[] cells = new ActorCell[0];
    private long nowNs;

    /**
     * @param name       of the dispatcher, unique in its runtime.
     * @param batchLimit most messages taken from one mailbox per duty cycle.
     * @param clock      the time source for timers and {@code nowNs()}.
     * @param counters   the dispatcher's counters, which its actors' counters roll up into.
     */
    public Dispatcher(final String name, final int batchLimit, final NanoClock clock, final MessageCounters counters)
    {
        this.name = name;
        this.roleName = "ringway-" + name;
        this.batchLimit = batchLimit;
        this.clock = clock;
        this.counters = counters;
        this.nowNs = clock.nanoTime();
        this.timerWheel = new DeadlineTimerWheel(TimeUnit.NANOSECONDS, nowNs, TIMER_TICK_NS, TICKS_PER_WHEEL);
    }

    /**
     * Places an actor on this dispatcher. Build time only, before the agent starts.
     *
     * @param self              the actor's address.
     * @param mailbox           the actor's mailbox.
     * @param factory           creates the actor's state.
     * @param supervision       what to do when its handler throws.
     * @param actorCounters     the actor's counters.
     * @param directory         the runtime's actors, for lookups and replies.
     * @param errorHandler      receives failures.
     * @param deadLetterHandler receives messages that could not be handled.
     * @param attachments       the actor's attachments.
     */
    public void addActor(
        final ActorRef self,
        final Mailbox mailbox,
        final ActorFactory factory,
        final Supervision supervision,
        final MessageCounters actorCounters,
        final ActorDirectory directory,
        final ErrorHandler errorHandler,
        final DeadLetterHandler deadLetterHandler,
        final List<AttachmentBinding> attachments)
    {
        final ActorCell cell = new ActorCell(
            self, mailbox, factory, supervision, actorCounters, directory, this, errorHandler, deadLetterHandler);
        final AttachedPort[] ports = new AttachedPort[attachments.size()];
        for (int i = 0; i < ports.length; i++)
        {
            final AttachmentBinding binding = attachments.get(i);
            ports[i] = null != binding.address() ?
                new AttachedPort(binding, binding.address(), binding.counters(), cell, batchLimit) :
                new AttachedPort(binding, self, actorCounters, cell, batchLimit);
        }
        cell.attach(ports);
        cellList.add(cell);
        cells = cellList.toArray(new ActorCell[0]);
    }

    @Override
    public void onStart()
    {
        nowNs = clock.nanoTime();
        for (final ActorCell cell : cells)
        {
            cell.start();
        }
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        nowNs = now;
        int workCount = pollTimers(now);

        final ActorCell[] cells = this.cells;
        final int batchLimit = this.batchLimit;
        for (int i = 0; i < cells.length; i++)
        {
            workCount += cells[i].poll(batchLimit);
        }
        return workCount;
    }

    private int pollTimers(final long now)
    {
        final DeadlineTimerWheel timerWheel = this.timerWheel;
        if (timerWheel.timerCount() == 0)
        {
            timerWheel.currentTickTime(now);
            return 0;
        }
        // One poll() examines one tick; catch up with the clock so that an idle, parked dispatcher fires late
        // timers at once instead of one tick per duty cycle.
        int expired = 0;
        do
        {
            expired += timerWheel.poll(now, this, TIMER_EXPIRY_LIMIT - expired);
        }
        while (expired < TIMER_EXPIRY_LIMIT && now >= timerWheel.currentTickTime());
        return expired;
    }

    @Override
    public void onClose()
    {
        for (final ActorCell cell : cells)
        {
            cell.close();
        }
        timerWheel.clear();
        timerOwners.clear();
    }

    @Override
    public String roleName()
    {
        return roleName;
    }

    @Override
    public boolean onTimerExpiry(final TimeUnit timeUnit, final long now, final long timerId)
    {
        final ActorCell owner = timerOwners.remove(timerId);
        if (null != owner)
        {
            owner.onTimer(timerId);
        }
        return true;
    }

    /** @return the dispatcher's name. */
    public String name()
    {
        return name;
    }

    /** @return the dispatcher's counters. */
    public MessageCounters counters()
    {
        return counters;
    }

    /** @return the clock as read at the start of the current duty cycle, in nanoseconds. */
    long nowNs()
    {
        return nowNs;
    }

    long scheduleTimer(final ActorCell owner, final long deadlineNs)
    {
        final long timerId = timerWheel.scheduleTimer(deadlineNs);
        timerOwners.put(timerId, owner);
        return timerId;
    }

    boolean cancelTimer(final ActorCell owner, final long timerId)
    {
        if (timerOwners.get(timerId) != owner)
        {
            return false;
        }
        timerOwners.remove(timerId);
        return timerWheel.cancelTimer(timerId);
    }

    void cancelTimers(final ActorCell owner)
    {
        final Long2ObjectHashMap<ActorCell>.EntryIterator entries = timerOwners.entrySet().iterator();
        while (entries.hasNext())
        {
            entries.next();
            if (entries.getValue() == owner)
            {
                timerWheel.cancelTimer(entries.getLongKey());
                entries.remove();
            }
        }
    }
}
