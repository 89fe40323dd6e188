package io.ringway.runtime.actor;

import io.ringway.runtime.ring.MessageSink;
import io.ringway.runtime.ring.SendResult;
import io.ringway.runtime.ring.SharedRing;
import io.ringway.runtime.ring.SlotClaim;
import org.agrona.DirectBuffer;

/**
 * What an actor uses to act on the world: send, reply, publish and schedule timers. Every send stamps this
 * actor as the sender, so the receiver can reply.
 * <p>
 * Thread safety: none. Use it only on the actor's dispatcher thread: from its handlers, its factory, or (for an
 * actor on a caller-run dispatcher) from the thread that drives that dispatcher.
 */
public interface ActorContext
{
    /** @return this actor's name. */
    String name();

    /** @return this actor's address. */
    ActorRef self();

    /**
     * @param actorName the name of another actor of the same runtime.
     * @return its address.
     * @throws IllegalArgumentException if there is no such actor.
     */
    ActorRef lookup(String actorName);

    /**
     * Finds the address behind a sender id, to answer a message later than the call that handled it (keep the
     * header's {@code senderId()} and {@code correlationId()}, then send to this address with that correlation
     * id). Allocates nothing.
     *
     * @param senderId a {@code Header.senderId()}.
     * @return the sender's address, or null for a message without a sender or from outside this runtime.
     */
    ActorRef sender(int senderId);

    /**
     * @param name the name an attachment was given in the actor's options.
     * @param type what it is expected to be.
     * @param <T>  its type.
     * @return the attachment.
     * @throws IllegalArgumentException if this actor has no such attachment, or it is of another type.
     */
    <T> T attachment(String name, Class<T> type);

    /**
     * @param name a shared ring declared on the runtime.
     * @return the ring, to send to or read from.
     * @throws IllegalArgumentException if there is no such ring.
     */
    SharedRing sharedRing(String name);

    /** @return the dispatcher's clock, read once per duty cycle, in nanoseconds. */
    long nowNs();

    /**
     * Sends a copy of a message.
     *
     * @param to     the receiver.
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return a position, or a negative {@link SendResult} code.
     */
    long send(MessageSink to, DirectBuffer buffer, int offset, int length);

    /**
     * Sends a copy of a message with a type and correlation id.
     *
     * @param to            the receiver.
     * @param messageType   the application's message type.
     * @param correlationId 0 for none.
     * @param buffer        holding the message.
     * @param offset        of the message.
     * @param length        of the message.
     * @return a position, or a negative {@link SendResult} code.
     */
    long send(MessageSink to, int messageType, long correlationId, DirectBuffer buffer, int offset, int length);

    /**
     * Claims a slot in the receiver's ring for zero-copy sending; on success {@code commit()} or {@code abort()}.
     *
     * @param to     the receiver.
     * @param length bytes to claim.
     * @param claim  filled in on success.
     * @return a position, or a negative {@link SendResult} code.
     */
    long tryClaim(MessageSink to, int length, SlotClaim claim);

    /**
     * Replies to the sender of the message being handled, with its message type and correlation id.
     *
     * @param buffer holding the reply.
     * @param offset of the reply.
     * @param length of the reply.
     * @return a position, {@link SendResult#NOT_CONNECTED} if the message had no sender or no message is being
     * handled, or another negative {@link SendResult} code.
     */
    long reply(DirectBuffer buffer, int offset, int length);

    /**
     * Sends a message made of a topic and a body, as a ZeroMQ PUB sends {@code [topic][body]}: the receiver's
     * {@code Header.topicLength()} tells where the topic ends.
     *
     * @param to          the receiver.
     * @param topic       holding the topic.
     * @param topicOffset of the topic.
     * @param topicLength of the topic.
     * @param buffer      holding the body.
     * @param offset      of the body.
     * @param length      of the body.
     * @return a position, or a negative {@link SendResult} code.
     */
    long publish(
        MessageSink to, DirectBuffer topic, int topicOffset, int topicLength, DirectBuffer buffer, int offset, int length);

    /**
     * Schedules a call to {@link Actor#onTimer(long)}. Timers are cancelled when the actor restarts or stops.
     *
     * @param deadlineNs when, on the {@link #nowNs()} clock.
     * @return the timer's id.
     */
    long scheduleTimer(long deadlineNs);

    /**
     * @param timerId as returned by {@link #scheduleTimer(long)}.
     * @return true if it was pending and is now cancelled.
     */
    boolean cancelTimer(long timerId);
}
