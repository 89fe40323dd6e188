package io.ringway.perf.tcp;

/**
 * The systems of the tcp suite, in table order. A tcp benchmark class is named {@code <prefix><shape>}, e.g.
 * {@code JeroMqTcpPushPull}; see {@link TcpRow} for the shapes.
 */
public enum TcpPeer
{
    JEROMQ("JeroMQ 0.6 raw sockets", "JeroMqTcp"),
    RINGWAY("Ringway bridge", "RingwayTcp");

    private final String displayName;
    private final String classPrefix;

    TcpPeer(final String displayName, final String classPrefix)
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
    static TcpPeer ofClass(final String simpleClassName)
    {
        for (final TcpPeer peer : values())
        {
            if (simpleClassName.startsWith(peer.classPrefix))
            {
                return peer;
            }
        }
        return null;
    }
}
