package io.ringway.patterns.roundrobin;

import io.ringway.runtime.actor.ActorContext;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.AttachmentContext;
import io.ringway.runtime.ring.SendResult;
import org.agrona.DirectBuffer;

import java.util.List;

/**
 * One sender's end of a round-robin, attached to the sending actor under the operator's name: each message
 * goes to exactly one worker's mailbox, chosen by the operator's {@link RoundRobinStrategy}. Like a ZeroMQ PUSH socket,
 * every sender has its own instance and its own turn; senders share nothing.
 * <p>
 * Messages are sent as the owning actor: the worker sees the actor as {@code header.senderId()} (so it can
 * reply), and the actor's {@code sent} counter counts them. A refusal is counted on the worker that refused it
 * ({@code back-pressured}, or {@code dropped} for a closed or too-small mailbox).
 * <p>
 * Result codes of {@code offer}: a position ({@code >= 0}) on success, else
 * <ul>
 *     <li>{@link SendResult#BACK_PRESSURED}: the chosen worker is full (rotation, key-affinity) or every worker
 *     is full (least-loaded); nothing was sent, try again later;</li>
 *     <li>{@link SendResult#CLOSED}: every worker has stopped (rotation, least-loaded) or the key's worker has
 *     stopped (key-affinity), or the runtime is closed;</li>
 *     <li>{@link SendResult#MESSAGE_TOO_LARGE}, {@link SendResult#NOT_SINGLE_PRODUCER}: from the chosen worker's
 *     mailbox, as for any send; the turn does not move on;</li>
 *     <li>{@link SendResult#NOT_CONNECTED}: the attachment has not started (never seen by actor code).</li>
 * </ul>
 * A stopped worker's mailbox stays closed, so rotation and least-loaded take it out of their choice after its
 * first refusal, as ZeroMQ drops a terminated pipe; that one refusal is counted as dropped on the worker.
 * <p>
 * Thread safety: none. Use it on the owning actor's dispatcher thread only, as its {@code ActorContext}. The
 * steady state allocates nothing.
 */
public final class RoundRobinSender implements Attachment
{
    private static final int NO_WORKER = -1;

    private final String operatorName;
    private final String[] workerNames;
    private final RoundRobinStrategy strategy;
    private final KeyFunction keyFunction;
    private final ActorRef[] workers;
    private final boolean[] closed;
    private final boolean[] backPressured;
    private ActorContext actor;
    private int turn;

    /**
     * @param operatorName the round-robin's name, for messages.
     * @param workerNames  the workers, in the order of the rotation.
     * @param strategy     how to pick a worker.
     * @param keyFunction  the key of a message; needed by {@link RoundRobinStrategy#KEY_AFFINITY} only, else may be
     *                     null.
     */
    RoundRobinSender(
        final String operatorName,
        final List<String> workerNames,
        final RoundRobinStrategy strategy,
        final KeyFunction keyFunction)
    {
        this.operatorName = operatorName;
        this.workerNames = workerNames.toArray(new String[0]);
        this.strategy = strategy;
        this.keyFunction = keyFunction;
        this.workers = new ActorRef[this.workerNames.length];
        this.closed = new boolean[this.workerNames.length];
        this.backPressured = new boolean[this.workerNames.length];
    }

    @Override
    public void onStart(final AttachmentContext context)
    {
        for (int i = 0; i < workers.length; i++)
        {
            workers[i] = context.actor().lookup(workerNames[i]);
        }
        actor = context.actor();
    }

    /**
     * Sends a copy of a message to one worker, with message type 0 and no correlation id.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return a position, or a negative {@link SendResult} code as listed in the class comment.
     */
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return offer(0, 0, buffer, offset, length);
    }

    /**
     * Sends a copy of a message to one worker.
     *
     * @param messageType   the application's message type.
     * @param correlationId 0 for none.
     * @param buffer        holding the message.
     * @param offset        of the message.
     * @param length        of the message.
     * @return a position, or a negative {@link SendResult} code as listed in the class comment.
     */
    public long offer(
        final int messageType, final long correlationId, final DirectBuffer buffer, final int offset, final int length)
    {
        if (null == actor)
        {
            return SendResult.NOT_CONNECTED;
        }
        switch (strategy)
        {
            case ROTATION:
                return offerInTurn(messageType, correlationId, buffer, offset, length);
            case LEAST_LOADED:
                return offerToLeastLoaded(messageType, correlationId, buffer, offset, length);
            default:
                return offerByKey(messageType, correlationId, buffer, offset, length);
        }
    }

    private long offerInTurn(
        final int messageType, final long correlationId, final DirectBuffer buffer, final int offset, final int length)
    {
        final ActorRef[] workers = this.workers;
        final boolean[] closed = this.closed;
        int index = turn;
        for (int tries = 0; tries < workers.length; tries++)
        {
            if (!closed[index])
            {
                final long result = actor.send(workers[index], messageType, correlationId, buffer, offset, length);
                if (result != SendResult.CLOSED)
                {
                    // Back-pressure keeps the turn on this worker: skipping it would break strict rotation.
                    turn = result >= 0 ? next(index) : index;
                    return result;
                }
                closed[index] = true;
            }
            index = next(index);
        }
        return SendResult.CLOSED;
    }

    private long offerToLeastLoaded(
        final int messageType, final long correlationId, final DirectBuffer buffer, final int offset, final int length)
    {
        final ActorRef[] workers = this.workers;
        final boolean[] closed = this.closed;
        final boolean[] backPressured = this.backPressured;
        final int start = turn;
        turn = next(start);

        long result = SendResult.CLOSED;
        boolean anyBackPressured = false;
        for (int tries = 0; tries < workers.length; tries++)
        {
            final int index = leastLoaded(start);
            if (NO_WORKER == index)
            {
                break;
            }
            final ActorRef worker = workers[index];
            // Backlogs are snapshots: offer to a full-looking worker once, so that a worker drained meanwhile
            // is still used and a truly full set counts its back-pressure; after one refusal, stop at full ones.
            if (anyBackPressured && worker.backlog() >= worker.capacity())
            {
                break;
            }
            result = actor.send(worker, messageType, correlationId, buffer, offset, length);
            if (result == SendResult.BACK_PRESSURED)
            {
                anyBackPressured = true;
                backPressured[index] = true;
            }
            else if (result == SendResult.CLOSED)
            {
                closed[index] = true;
            }
            else
            {
                break;
            }
        }
        if (anyBackPressured)
        {
            for (int i = 0; i < backPressured.length; i++)
            {
                backPressured[i] = false;
            }
            if (result == SendResult.CLOSED)
            {
                result = SendResult.BACK_PRESSURED;
            }
        }
        return result;
    }

    /**
     * @return the worker with the smallest backlog among those with room; if every worker looks full, the least
     * full-looking one; {@link #NO_WORKER} when every worker has stopped or refused this message.
     */
    private int leastLoaded(final int start)
    {
        final ActorRef[] workers = this.workers;
        final boolean[] closed = this.closed;
        final boolean[] backPressured = this.backPressured;
        int best = NO_WORKER;
        long bestBacklog = Long.MAX_VALUE;
        int bestFull = NO_WORKER;
        long bestFullBacklog = Long.MAX_VALUE;
        int index = start;
        for (int i = 0; i < workers.length; i++)
        {
            if (!closed[index] && !backPressured[index])
            {
                final ActorRef worker = workers[index];
                final long backlog = worker.backlog();
                if (backlog < worker.capacity())
                {
                    if (backlog < bestBacklog)
                    {
                        best = index;
                        bestBacklog = backlog;
                    }
                }
                else if (backlog < bestFullBacklog)
                {
                    bestFull = index;
                    bestFullBacklog = backlog;
                }
            }
            index = next(index);
        }
        return NO_WORKER != best ? best : bestFull;
    }

    private long offerByKey(
        final int messageType, final long correlationId, final DirectBuffer buffer, final int offset, final int length)
    {
        final int index = workerIndexForKey(keyFunction.key(buffer, offset, length));
        return actor.send(workers[index], messageType, correlationId, buffer, offset, length);
    }

    private int next(final int index)
    {
        final int next = index + 1;
        return next == workers.length ? 0 : next;
    }

    /**
     * The worker that {@link RoundRobinStrategy#KEY_AFFINITY} picks for a key: a 64-bit mix of the key (MurmurHash3's
     * finaliser, so keys in a stride such as multiples of n still spread) scaled to the number of workers. The
     * same key and the same workers give the same worker in every sender and every run.
     *
     * @param key any long, negative ones included.
     * @return the worker's index, from 0 to {@link #workerCount()} - 1.
     */
    public int workerIndexForKey(final long key)
    {
        long hash = key;
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        // The top 32 bits times n, shifted down: in [0, n) with no division and no negative index.
        return (int)(((hash >>> 32) * workers.length) >>> 32);
    }

    /** @return the number of workers. */
    public int workerCount()
    {
        return workerNames.length;
    }

    /**
     * @param index a worker's index, as from {@link #workerIndexForKey(long)}.
     * @return its actor's name.
     */
    public String workerName(final int index)
    {
        return workerNames[index];
    }

    /** @return the strategy that picks workers. */
    public RoundRobinStrategy strategy()
    {
        return strategy;
    }

    /** @return the round-robin's name. */
    public String operatorName()
    {
        return operatorName;
    }
}
