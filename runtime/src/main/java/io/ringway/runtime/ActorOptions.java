package io.ringway.runtime;

import com.lmax.disruptor.dsl.ProducerType;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.actor.Supervision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one actor is set up: where it runs, how big its mailbox is, how it is supervised, and which endpoints it
 * serves. Validated when the runtime is built.
 * <p>
 * Not thread safe: configure on one thread.
 */
public final class ActorOptions
{
    /** Default slots in a mailbox ring. */
    public static final int DEFAULT_RING_SIZE = 1024;
    /** Default largest message, in bytes. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 1024;

    String dispatcher;
    int ringSize = DEFAULT_RING_SIZE;
    int maxMessageLength = DEFAULT_MAX_MESSAGE_LENGTH;
    Supervision supervision = Supervision.RESTART;
    ProducerType producerType = ProducerType.MULTI;
    final List<String> binds = new ArrayList<>();
    final List<String> connects = new ArrayList<>();
    final List<AttachmentSpec> attachments = new ArrayList<>();
    final Map<String, String> exclusiveSenders = new HashMap<>();

    record AttachmentSpec(String name, Attachment attachment, int ringSize, int maxMessageLength)
    {
        boolean hasAddress()
        {
            return ringSize > 0;
        }
    }

    /**
     * @param dispatcherName the dispatcher that runs this actor; by default the first declared.
     * @return these options.
     */
    public ActorOptions dispatcher(final String dispatcherName)
    {
        this.dispatcher = dispatcherName;
        return this;
    }

    /**
     * @param ringSize slots in the mailbox ring, a power of two.
     * @return these options.
     */
    public ActorOptions ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * @param maxMessageLength largest message accepted, in bytes; larger ones are refused with a code.
     * @return these options.
     */
    public ActorOptions maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * @param supervision what to do when the handler throws; {@link Supervision#RESTART} by default.
     * @return these options.
     */
    public ActorOptions supervision(final Supervision supervision)
    {
        this.supervision = supervision;
        return this;
    }

    /**
     * Declares that exactly one thread sends to this actor, so its ring uses the Disruptor's single-producer
     * sequencer. A send from a second thread is refused with {@code NOT_SINGLE_PRODUCER}.
     *
     * @return these options.
     */
    public ActorOptions singleProducer()
    {
        this.producerType = ProducerType.SINGLE;
        return this;
    }

    /**
     * @param endpoint an endpoint to listen at: {@code inproc://name} gives the actor a second name; tcp and ipc
     *                 need the transport module.
     * @return these options.
     */
    public ActorOptions bind(final String endpoint)
    {
        binds.add(endpoint);
        return this;
    }

    /**
     * @param endpoint a remote endpoint to connect to; needs the transport module.
     * @return these options.
     */
    public ActorOptions connect(final String endpoint)
    {
        connects.add(endpoint);
        return this;
    }

    /**
     * Attaches operator code to this actor, polled on its dispatcher every duty cycle.
     *
     * @param name       unique among this actor's attachments; actor code finds it with
     *                   {@code context.attachment(name, type)}.
     * @param attachment the operator code.
     * @return these options.
     */
    public ActorOptions attach(final String name, final Attachment attachment)
    {
        attachments.add(new AttachmentSpec(name, attachment, 0, 0));
        return this;
    }

    /**
     * Attaches operator code with an address of its own: a mailbox named {@code actorName.name} that others can
     * send to, and that replies to what it sends come back to.
     *
     * @param name             unique among this actor's attachments.
     * @param attachment       the operator code.
     * @param ringSize         slots in its mailbox, a power of two.
     * @param maxMessageLength largest message its mailbox accepts.
     * @return these options.
     */
    public ActorOptions attachWithAddress(
        final String name, final Attachment attachment, final int ringSize, final int maxMessageLength)
    {
        attachments.add(new AttachmentSpec(name, attachment, ringSize, maxMessageLength));
        return this;
    }

    /**
     * Makes an attachment's address accept messages from one sender only; others get {@code REFUSED}. For
     * exclusive pairs.
     *
     * @param attachmentName an attachment declared with an address.
     * @param senderAddress  the name of the only actor or attachment address allowed to send to it.
     * @return these options.
     */
    public ActorOptions acceptOnlyFrom(final String attachmentName, final String senderAddress)
    {
        exclusiveSenders.put(attachmentName, senderAddress);
        return this;
    }
}
