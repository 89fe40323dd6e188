package io.ringway.perf.patterns;

/**
 * The systems of the pattern suite, in table order. A pattern benchmark class is named {@code <prefix><shape>},
 * e.g. {@code PekkoFanOut}; see {@link PatternRow} for the shapes.
 */
public enum PatternPeer
{
    RINGWAY("Ringway", "Ringway"),
    PEKKO("Pekko 1.1 classic actors", "Pekko"),
    JEROMQ("JeroMQ 0.6 inproc", "JeroMq");

    private final String displayName;
    private final String classPrefix;

    PatternPeer(final String displayName, final String classPrefix)
    {
        this.displayName = displayName;
        this.classPrefix = classPrefix;
    }

    /** @return the name printed in the table. */
    public String displayName()
    {
        return displayName;
    }

    /** @return the prefix of this peer's benchmark class names. */
    String classPrefix()
    {
        return classPrefix;
    }

    /**
     * @param simpleClassName a benchmark class's simple name.
     * @return the peer whose prefix it starts with, or null if none.
     */
    static PatternPeer ofClass(final String simpleClassName)
    {
        for (final PatternPeer peer : values())
        {
            if (simpleClassName.startsWith(peer.classPrefix))
            {
                return peer;
            }
        }
        return null;
    }

    /**
     * @param simpleClassName a benchmark class's simple name, known to be this peer's.
     * @return the shape suffix that follows this peer's prefix.
     */
    String shapeOf(final String simpleClassName)
    {
        return simpleClassName.substring(classPrefix.length());
    }
}
