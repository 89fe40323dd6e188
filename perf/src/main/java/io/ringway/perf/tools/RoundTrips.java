package io.ringway.perf.tools;

import io.ringway.patterns.PatternMessages;
import io.ringway.patterns.reqrep.Requester;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.ring.Header;
import io.ringway.runtime.ring.SendResult;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;

/**
 * The {@code req} tool's actor: sends one request at a time through its {@link Requester} and records each
 * round trip, from the request to its reply, in an HdrHistogram of nanoseconds. A first message from outside
 * (correlation id 0) starts it; each reply or timeout sends the next request, until the count or a stop.
 * <p>
 * Thread safety: the handlers run on the actor's dispatcher thread. {@link #requestStop()} and the counts may be
 * called from any thread; read {@link #histogram()} only after the runtime has closed (its threads joined).
 */
final class RoundTrips implements Actor
{
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.MINUTES.toNanos(1);
    private static final long BACK_OFF_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final long count;
    private final UnsafeBuffer request;
    private final Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NS, 3);
    private ActorContext context;
    private Requester requester;
    private long pendingId;
    private long sentNs;
    private volatile long requests;
    private volatile long replies;
    private volatile long timeouts;
    private volatile long wrongReplies;
    private volatile long refused;
    private volatile long backPressured;
    private volatile long firstNs;
    private volatile long lastNs;
    private volatile boolean stopRequested;
    private volatile boolean done;

    /**
     * @param count requests to make; 0 for no limit.
     * @param size  bytes per request.
     */
    RoundTrips(final long count, final int size)
    {
        this.count = count;
        this.request = new UnsafeBuffer(new byte[size]);
    }

    /**
     * @param context        the actor's context.
     * @param requesterName  the request-reply operator, whose requester is attached under its name.
     * @return this, bound to the actor: the factory of the {@code req} actor.
     */
    RoundTrips attach(final ActorContext context, final String requesterName)
    {
        this.context = context;
        this.requester = context.attachment(requesterName, Requester.class);
        return this;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final long correlationId = header.correlationId();
        if (0 == correlationId)
        {
            firstNs = System.nanoTime();
            sendNext();
            return;
        }
        if (correlationId != pendingId)
        {
            return; // not the request in flight: the requester has counted it as a late reply
        }
        pendingId = 0;
        if (header.messageType() == PatternMessages.TIMEOUT)
        {
            timeouts++;
        }
        else
        {
            histogram.recordValue(Math.min(System.nanoTime() - sentNs, HIGHEST_TRACKABLE_NS));
            replies++;
            if (length != request.capacity())
            {
                wrongReplies++; // an echo answers with the request's payload
            }
        }
        sendNext();
    }

    @Override
    public void onTimer(final long timerId)
    {
        sendNext();
    }

    private void sendNext()
    {
        if (stopRequested || (0 != count && requests == count))
        {
            finish();
            return;
        }
        request.putLong(0, requests + 1, java.nio.ByteOrder.BIG_ENDIAN);
        sentNs = System.nanoTime();
        final long id = requester.request(request, 0, request.capacity());
        if (id > 0)
        {
            pendingId = id;
            requests++;
        }
        else if (id == SendResult.BACK_PRESSURED)
        {
            backPressured++;
            context.scheduleTimer(context.nowNs() + BACK_OFF_NS);
        }
        else
        {
            refused++;
            finish();
        }
    }

    private void finish()
    {
        lastNs = System.nanoTime();
        done = true;
    }

    /** Asks the actor to send no more requests; it stops at the next reply or timeout. Any thread. */
    void requestStop()
    {
        stopRequested = true;
    }

    /** @return true once the count is reached, a stop was seen, or a request was refused. */
    boolean done()
    {
        return done;
    }

    /** @return requests made, retries not counted. */
    long requests()
    {
        return requests;
    }

    /** @return replies received in time. */
    long replies()
    {
        return replies;
    }

    /** @return requests that got no reply within every attempt's timeout. */
    long timeouts()
    {
        return timeouts;
    }

    /** @return replies whose length was not the request's, and requests refused with a code other than back-pressure. */
    long errors()
    {
        return wrongReplies + refused;
    }

    /** @return requests held back because the port was full, each retried after a millisecond. */
    long backPressured()
    {
        return backPressured;
    }

    /** @return the late replies the requester dropped, or 0 before it started. */
    long lateReplies()
    {
        return null != requester ? requester.lateReplies() : 0;
    }

    /** @return the requester's retries. */
    long retries()
    {
        return null != requester ? requester.retries() : 0;
    }

    /** @return nanoseconds from the first request to the end, or to now while running. */
    long elapsedNs()
    {
        final long first = firstNs;
        return 0 == first ? 0 : (done ? lastNs : System.nanoTime()) - first;
    }

    /** @return the round trips in nanoseconds; read after the runtime has closed. */
    Histogram histogram()
    {
        return histogram;
    }
}
