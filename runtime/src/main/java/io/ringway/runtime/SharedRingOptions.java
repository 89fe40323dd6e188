package io.ringway.runtime;

import com.lmax.disruptor.dsl.ProducerType;
import io.ringway.runtime.ring.ReadMode;

import java.util.ArrayList;
import java.util.List;

/**
 * How one shared ring is set up: its size, its largest message, its producers and its readers. Validated when
 * the runtime is built.
 * <p>
 * Not thread safe: configure on one thread.
 */
public final class SharedRingOptions
{
    int ringSize = ActorOptions.DEFAULT_RING_SIZE;
    int maxMessageLength = ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH;
    ProducerType producerType = ProducerType.MULTI;
    final List<ReaderSpec> readers = new ArrayList<>();

    record ReaderSpec(String name, ReadMode mode, List<String> after)
    {
    }

    /**
     * @param ringSize slots in the ring, a power of two.
     * @return these options.
     */
    public SharedRingOptions ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * @param maxMessageLength largest message accepted, in bytes.
     * @return these options.
     */
    public SharedRingOptions maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * Declares that exactly one thread sends to the ring. Not allowed with lossy readers.
     *
     * @return these options.
     */
    public SharedRingOptions singleProducer()
    {
        this.producerType = ProducerType.SINGLE;
        return this;
    }

    /**
     * Declares a reader.
     *
     * @param name  unique among the ring's readers.
     * @param mode  lossless or lossy.
     * @param after names of readers declared earlier that must be done with a slot before this one sees it.
     * @return these options.
     */
    public SharedRingOptions reader(final String name, final ReadMode mode, final String... after)
    {
        readers.add(new ReaderSpec(name, mode, List.of(after)));
        return this;
    }
}
