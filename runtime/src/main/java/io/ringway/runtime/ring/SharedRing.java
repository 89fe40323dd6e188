package io.ringway.runtime.ring;

import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringway.runtime.status.MessageCounters;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ring of pre-allocated {@link MessageSlot}s read by several {@link RingReader}s, each with its own
 * sequence: the multicast ring under fan-out (every reader sees every message) and pipelines (a reader gated on
 * the readers of the step before, reading the same slots with no copy).
 * <pre>
 *   producers --offer--> [ ring ] --+--> reader a (lossless, gates producers)
 *                                   +--> reader b (lossy, may be lapped, counts what it missed)
 *                                   +--> reader c (after a: sees a slot only once a is done with it)
 * </pre>
 * Readers are added while the runtime is being built; they start at the ring's current position.
 * <p>
 * Thread safety: sending as {@link RingProducer}; each reader polled by one thread.
 */
public final class SharedRing implements MessageSink
{
    private final String name;
    private final RingProducer producer;
    private final int maxMessageLength;
    private final Map<String, RingReader> readers = new LinkedHashMap<>();
    private final List<RingReader> gatingReaders = new ArrayList<>();
    private final boolean multiProducer;

    /**
     * @param name             of the ring, unique in its runtime.
     * @param producerType     {@link ProducerType#SINGLE} when exactly one thread sends, else MULTI.
     * @param ringSize         slots, a power of two.
     * @param maxMessageLength largest message accepted, in bytes.
     * @param counters         the ring's counters, for refusals.
     */
    public SharedRing(
        final String name,
        final ProducerType producerType,
        final int ringSize,
        final int maxMessageLength,
        final MessageCounters counters)
    {
        this.name = name;
        this.producer = new RingProducer(producerType, ringSize, maxMessageLength, counters);
        this.maxMessageLength = maxMessageLength;
        this.multiProducer = producerType == ProducerType.MULTI;
    }

    /**
     * Adds a reader. Build time only, before anything is sent.
     *
     * @param readerName unique among this ring's readers.
     * @param mode       lossless (gates producers) or lossy (never waits, counts what it misses).
     * @param counters   the reader owner's counters: missed messages count there as dropped.
     * @param after      readers that must be done with a slot before this reader sees it; empty for none.
     * @return the reader.
     * @throws IllegalArgumentException if the name is taken, a lossy reader is asked of a single-producer ring
     *                                  (its cursor does not reveal claims, so overwrites could not be detected), or a
     *                                  lossy reader is to follow other readers.
     */
    public RingReader addReader(
        final String readerName, final ReadMode mode, final MessageCounters counters, final RingReader... after)
    {
        if (readers.containsKey(readerName))
        {
            throw new IllegalArgumentException("ring '" + name + "' already has a reader named '" + readerName + "'");
        }
        if (mode == ReadMode.LOSSY && (!multiProducer || after.length > 0))
        {
            throw new IllegalArgumentException("ring '" + name + "': lossy reader '" + readerName
                + "' needs a multi-producer ring and no readers before it");
        }
        final Sequence[] upstream = new Sequence[after.length];
        for (int i = 0; i < after.length; i++)
        {
            upstream[i] = after[i].sequence();
            gatingReaders.remove(after[i]); // the producers are gated by the last readers of each chain
        }
        final RingReader reader = new RingReader(readerName, producer.ring, mode, counters, maxMessageLength, upstream);
        readers.put(readerName, reader);
        if (mode == ReadMode.LOSSLESS)
        {
            gatingReaders.add(reader);
            producer.ring.addGatingSequences(reader.sequence());
            for (final RingReader upstreamReader : after)
            {
                producer.ring.removeGatingSequence(upstreamReader.sequence());
            }
        }
        return reader;
    }

    /** @return the ring's name. */
    public String name()
    {
        return name;
    }

    /**
     * @param readerName a reader's name.
     * @return the reader.
     * @throws IllegalArgumentException if there is none by that name.
     */
    public RingReader reader(final String readerName)
    {
        final RingReader reader = readers.get(readerName);
        if (null == reader)
        {
            throw new IllegalArgumentException("ring '" + name + "' has no reader named '" + readerName + "'; "
                + "its readers are " + readers.keySet());
        }
        return reader;
    }

    /** @return every reader, in the order added. */
    public Map<String, RingReader> readers()
    {
        return Collections.unmodifiableMap(readers);
    }

    @Override
    public long offer(
        final int senderId,
        final int messageType,
        final long correlationId,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        return producer.offer(senderId, messageType, correlationId, buffer, offset, length);
    }

    @Override
    public long tryClaim(final int senderId, final int length, final SlotClaim claim)
    {
        return producer.tryClaim(senderId, length, claim);
    }

    /** @return the largest message accepted, in bytes. */
    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    /** @return the highest sequence claimed so far. */
    public long position()
    {
        return producer.ring.getCursor();
    }

    /** @return messages not yet taken by the slowest lossless reader at the end of a chain. */
    public long backlog()
    {
        long backlog = 0;
        for (final RingReader reader : gatingReaders)
        {
            backlog = Math.max(backlog, reader.backlog());
        }
        return backlog;
    }

    /** Refuses outside senders from now on; actors may still send. Any thread. */
    public void drain()
    {
        producer.drain();
    }

    /** Refuses every sender from now on. Any thread. */
    public void close()
    {
        producer.close();
    }

    /**
     * Counts, for every reader, lossless or lossy, what it left unread as dropped on that reader's counters (which
     * roll up into the ring's). Call after the readers stopped.
     *
     * @param discardedByReader receives each reader's count, under {@code ring <ring> reader <reader>}, when above 0.
     * @return the deliveries discarded, summed over the readers.
     */
    public long discardBacklog(final Map<String, Long> discardedByReader)
    {
        long discarded = 0;
        for (final RingReader reader : readers.values())
        {
            final long left = reader.discardBacklog();
            if (left > 0)
            {
                discarded += left;
                discardedByReader.put("ring " + name + " reader " + reader.name(), left);
            }
        }
        return discarded;
    }
}
