package io.ringway.perf;

/**
 * The systems of the core suite, in table order. A core benchmark class is named {@code <prefix><Shape>}, e.g.
 * {@code DisruptorPingPong}.
 */
enum Peer
{
    RINGWAY("Ringway", "Ringway"),
    DISRUPTOR("raw Disruptor 4", "Disruptor"),
    BLOCKING_QUEUE("ArrayBlockingQueue", "BlockingQueue"),
    AGRONA_RING("Agrona OneToOneRingBuffer", "AgronaRing");

    /** The benchmark shapes: the class name suffixes of the core package. */
    enum Shape
    {
        ONE_HOP("OneHop"),
        PING_PONG("PingPong");

        final String classSuffix;

        Shape(final String classSuffix)
        {
            this.classSuffix = classSuffix;
        }
    }

    final String displayName;
    final String classPrefix;

    Peer(final String displayName, final String classPrefix)
    {
        this.displayName = displayName;
        this.classPrefix = classPrefix;
    }

    /**
     * @param simpleClassName a benchmark class's simple name.
     * @param shape           the shape it should have.
     * @return the peer it measures in that shape, or null if none.
     */
    static Peer of(final String simpleClassName, final Shape shape)
    {
        for (final Peer peer : values())
        {
            if (simpleClassName.equals(peer.classPrefix + shape.classSuffix))
            {
                return peer;
            }
        }
        return null;
    }
}
