package io.ringway.runtime.agent;

import com.lmax.disruptor.EventPoller;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorDirectory;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.DeadLetterHandler;
import io.ringway.runtime.actor.Supervision;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.Mailbox;
import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.ring.MessageSlot;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SharedRing;
import io.ringway.runtime.ring.SlotClaim;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;

/**
 * Where one actor lives on its dispatcher: it drains the actor's mailbox into the handler, supervises
 * failures, and is the actor's {@link ActorContext}.
 * <p>
 * Thread safety: none; everything here runs on the dispatcher's thread.
 */
final class ActorCell implements ActorContext, EventPoller.Handler<MessageSlot>
{
    private final ActorRef self;
    private final Mailbox mailbox;
    private final ActorFactory factory;
    private final Supervision supervision;
    private final MessageCounters counters;
    private final ActorDirectory directory;
    private final Dispatcher dispatcher;
    private final ErrorHandler errorHandler;
    private final DeadLetterHandler deadLetterHandler;
    private final SlotClaim publishClaim = new SlotClaim();
    private final IllegalStateException stoppedCause;

    private Actor actor;
    private boolean stopped;
    private Header current;
    private AttachedPort[] attachments = new AttachedPort[0];
    private int pollLimit;
    private int polled;
    private int received;

    ActorCell(
        final ActorRef self,
        final Mailbox mailbox,
        final ActorFactory factory,
        final Supervision supervision,
        final MessageCounters counters,
        final ActorDirectory directory,
        final Dispatcher dispatcher,
        final ErrorHandler errorHandler,
        final DeadLetterHandler deadLetterHandler)
    {
        this.self = self;
        this.mailbox = mailbox;
        this.factory = factory;
        this.supervision = supervision;
        this.counters = counters;
        this.directory = directory;
        this.dispatcher = dispatcher;
        this.errorHandler = errorHandler;
        this.deadLetterHandler = deadLetterHandler;
        this.stoppedCause = new IllegalStateException("actor '" + self.name() + "' has stopped");
    }

    void attach(final AttachedPort[] attachments)
    {
        this.attachments = attachments;
    }

    void start()
    {
        for (final AttachedPort attachment : attachments)
        {
            attachment.start();
        }
        try
        {
            actor = factory.create(this);
        }
        catch (final Throwable ex)
        {
            onFailure(new ActorFailureException(self.name(), "factory failed at start; actor stopped", ex));
            stop();
        }
    }

    /**
     * @param limit most messages to take this time, for fairness between the actors of a dispatcher.
     * @return messages taken.
     */
    int poll(final int limit)
    {
        pollLimit = limit;
        polled = 0;
        mailbox.poll(this);
        int workCount = polled;
        final AttachedPort[] attachments = this.attachments;
        for (int i = 0; i < attachments.length; i++)
        {
            workCount += attachments[i].poll(limit, dispatcher.nowNs());
        }
        if (received > 0)
        {
            counters.onReceived(received);
            received = 0;
        }
        return workCount;
    }

    @Override
    public boolean onEvent(final MessageSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (slot.messageType() != MessageSlot.ABORTED_TYPE)
        {
            final int bodyOffset = slot.topicLength();
            deliver(slot.buffer(), bodyOffset, slot.length() - bodyOffset, slot);
        }
        return ++polled < pollLimit;
    }

    /**
     * Hands one message to the actor, supervised: the single way in, for the mailbox and for attachments.
     */
    void deliver(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (stopped)
        {
            deadLetter(buffer, offset, length, header, stoppedCause);
            return;
        }

        final Header previous = current;
        current = header;
        try
        {
            actor.onMessage(buffer, offset, length, header);
            received++;
        }
        catch (final Throwable ex)
        {
            onFailure(new ActorFailureException(self.name(), "handler threw; policy " + supervision, ex));
            deadLetter(buffer, offset, length, header, ex);
            supervise();
        }
        finally
        {
            current = previous;
        }
    }

    void onTimer(final long timerId)
    {
        if (stopped)
        {
            return;
        }
        try
        {
            actor.onTimer(timerId);
        }
        catch (final Throwable ex)
        {
            onFailure(new ActorFailureException(self.name(), "timer handler threw; policy " + supervision, ex));
            supervise();
        }
    }

    private void supervise()
    {
        if (supervision == Supervision.RESTART)
        {
            retireActor();
            try
            {
                actor = factory.create(this);
            }
            catch (final Throwable ex)
            {
                onFailure(new ActorFailureException(self.name(), "factory failed on restart; actor stopped", ex));
                stop();
            }
        }
        else if (supervision == Supervision.STOP)
        {
            stop();
        }
    }

    private void stop()
    {
        if (!stopped)
        {
            stopped = true;
            mailbox.close();
            retireActor();
        }
    }

    void close()
    {
        if (!stopped)
        {
            retireActor();
        }
        for (final AttachedPort attachment : attachments)
        {
            attachment.close();
        }
    }

    private void retireActor()
    {
        dispatcher.cancelTimers(this);
        final Actor retired = actor;
        actor = null;
        if (null != retired)
        {
            try
            {
                retired.onStop();
            }
            catch (final Throwable ex)
            {
                onFailure(new ActorFailureException(self.name(), "onStop threw", ex));
            }
        }
    }

    void onFailure(final Throwable ex)
    {
        counters.onError();
        errorHandler.onError(ex);
    }

    private void deadLetter(
        final DirectBuffer buffer, final int offset, final int length, final Header header, final Throwable cause)
    {
        counters.onDeadLettered();
        try
        {
            deadLetterHandler.onDeadLetter(self.name(), buffer, offset, length, header, cause);
        }
        catch (final Throwable ex)
        {
            onFailure(new ActorFailureException(self.name(), "dead-letter handler threw", ex));
        }
    }

    boolean isStopped()
    {
        return stopped;
    }

    @Override
    public String name()
    {
        return self.name();
    }

    @Override
    public ActorRef self()
    {
        return self;
    }

    @Override
    public ActorRef lookup(final String actorName)
    {
        return directory.byName(actorName);
    }

    @Override
    public ActorRef sender(final int senderId)
    {
        return directory.byId(senderId);
    }

    @Override
    public <T> T attachment(final String name, final Class<T> type)
    {
        for (final AttachedPort attachment : attachments)
        {
            if (attachment.name().equals(name))
            {
                return attachment.as(type);
            }
        }
        throw new IllegalArgumentException("actor '" + self.name() + "' has no attachment named '" + name + "'");
    }

    @Override
    public SharedRing sharedRing(final String name)
    {
        return directory.sharedRing(name);
    }

    @Override
    public long nowNs()
    {
        return dispatcher.nowNs();
    }

    @Override
    public long send(final MessageSink to, final DirectBuffer buffer, final int offset, final int length)
    {
        return send(to, 0, 0, buffer, offset, length);
    }

    @Override
    public long send(
        final MessageSink to,
        final int messageType,
        final long correlationId,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final long result = to.offer(self.id(), messageType, correlationId, buffer, offset, length);
        if (result >= 0)
        {
            counters.onSent();
        }
        return result;
    }

    @Override
    public long tryClaim(final MessageSink to, final int length, final SlotClaim claim)
    {
        final long result = to.tryClaim(self.id(), length, claim);
        if (result >= 0)
        {
            counters.onSent();
        }
        return result;
    }

    @Override
    public long reply(final DirectBuffer buffer, final int offset, final int length)
    {
        final Header request = current;
        final ActorRef requester = null == request ? null : directory.byId(request.senderId());
        if (null == requester)
        {
            return SendResult.NOT_CONNECTED;
        }
        return send(requester, request.messageType(), request.correlationId(), buffer, offset, length);
    }

    @Override
    public long publish(
        final MessageSink to,
        final DirectBuffer topic,
        final int topicOffset,
        final int topicLength,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final SlotClaim claim = publishClaim;
        final long result = tryClaim(to, topicLength + length, claim);
        if (result >= 0)
        {
            boolean written = false;
            try
            {
                claim.buffer().putBytes(0, topic, topicOffset, topicLength);
                claim.buffer().putBytes(topicLength, buffer, offset, length);
                claim.topicLength(topicLength);
                written = true;
            }
            finally
            {
                if (written)
                {
                    claim.commit();
                }
                else
                {
                    claim.abort();
                }
            }
        }
        return result;
    }

    @Override
    public long scheduleTimer(final long deadlineNs)
    {
        return dispatcher.scheduleTimer(this, deadlineNs);
    }

    @Override
    public boolean cancelTimer(final long timerId)
    {
        return dispatcher.cancelTimer(this, timerId);
    }
}
