package io.ringway.runtime.status;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * The six {@link CounterType} counters of one actor or dispatcher. An actor's counters roll up into its
 * dispatcher's, so each dispatcher's figures are the sum of its actors'.
 * <p>
 * Threading: {@code onSent}, {@code onReceived}, {@code onDeadLettered} and {@code onError} are called by the
 * owner's dispatcher thread only (single writer, release stores); {@code onBackPressured} and
 * {@code onDropped} may be called by any producer thread (atomic adds).
 */
public final class MessageCounters
{
    private final AtomicCounter sent;
    private final AtomicCounter received;
    private final AtomicCounter backPressured;
    private final AtomicCounter dropped;
    private final AtomicCounter deadLettered;
    private final AtomicCounter errors;
    private final MessageCounters rollUp;

    private MessageCounters(final CountersManager manager, final String owner, final MessageCounters rollUp)
    {
        this.sent = newCounter(manager, owner, CounterType.SENT);
        this.received = newCounter(manager, owner, CounterType.RECEIVED);
        this.backPressured = newCounter(manager, owner, CounterType.BACK_PRESSURED);
        this.dropped = newCounter(manager, owner, CounterType.DROPPED);
        this.deadLettered = newCounter(manager, owner, CounterType.DEAD_LETTERED);
        this.errors = newCounter(manager, owner, CounterType.ERRORS);
        this.rollUp = rollUp;
    }

    /**
     * @param manager       where to allocate the counters.
     * @param dispatcherName the dispatcher's name.
     * @return the counters of a dispatcher.
     */
    public static MessageCounters forDispatcher(final CountersManager manager, final String dispatcherName)
    {
        return new MessageCounters(manager, "dispatcher " + dispatcherName, null);
    }

    /**
     * @param manager    where to allocate the counters.
     * @param actorName  the actor's name.
     * @param dispatcher the counters of the actor's dispatcher, which receive the same increments.
     * @return the counters of an actor.
     */
    public static MessageCounters forActor(
        final CountersManager manager, final String actorName, final MessageCounters dispatcher)
    {
        return new MessageCounters(manager, "actor " + actorName, dispatcher);
    }

    /**
     * @param manager where to allocate the counters.
     * @param owner   the owner's label, e.g. {@code ring prices}.
     * @param rollUp  counters that receive the same increments, or null.
     * @return the counters of any other owner: a shared ring, one of its readers.
     */
    public static MessageCounters forOwner(final CountersManager manager, final String owner, final MessageCounters rollUp)
    {
        return new MessageCounters(manager, owner, rollUp);
    }

    private static AtomicCounter newCounter(final CountersManager manager, final String owner, final CounterType type)
    {
        return manager.newCounter(owner + ": " + type.label(), type.typeId());
    }

    /** One message sent by the owner. Owner thread only. */
    public void onSent()
    {
        sent.incrementRelease();
        if (null != rollUp)
        {
            rollUp.sent.incrementRelease();
        }
    }

    /**
     * @param count messages handled by the owner in one poll. Owner thread only.
     */
    public void onReceived(final int count)
    {
        received.getAndAddRelease(count);
        if (null != rollUp)
        {
            rollUp.received.getAndAddRelease(count);
        }
    }

    /** One offer into the owner's full mailbox. Any thread. */
    public void onBackPressured()
    {
        backPressured.increment();
        if (null != rollUp)
        {
            rollUp.backPressured.increment();
        }
    }

    /**
     * @param count messages for the owner refused or discarded. Any thread.
     */
    public void onDropped(final long count)
    {
        dropped.getAndAdd(count);
        if (null != rollUp)
        {
            rollUp.dropped.getAndAdd(count);
        }
    }

    /** One message dead-lettered. Owner thread only. */
    public void onDeadLettered()
    {
        deadLettered.incrementRelease();
        if (null != rollUp)
        {
            rollUp.deadLettered.incrementRelease();
        }
    }

    /** One exception from the owner's code. Owner thread only. */
    public void onError()
    {
        errors.incrementRelease();
        if (null != rollUp)
        {
            rollUp.errors.incrementRelease();
        }
    }

    /**
     * @return the error counter, for an Agrona {@code AgentRunner} that counts what escapes an agent.
     */
    public AtomicCounter errorCounter()
    {
        return errors;
    }

    /**
     * @param type which counter.
     * @return its current value.
     */
    public long get(final CounterType type)
    {
        switch (type)
        {
            case SENT: return sent.get();
            case RECEIVED: return received.get();
            case BACK_PRESSURED: return backPressured.get();
            case DROPPED: return dropped.get();
            case DEAD_LETTERED: return deadLettered.get();
            default: return errors.get();
        }
    }
}
