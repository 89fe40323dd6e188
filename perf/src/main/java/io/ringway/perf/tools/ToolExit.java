package io.ringway.perf.tools;

/**
 * The exit statuses of the peer tools and of {@code stat}.
 */
public final class ToolExit
{
    /** The tool ran and ended as asked: count reached, idle, or interrupted. */
    public static final int OK = 0;
    /** The tool failed while running. */
    public static final int FAILED = 1;
    /** A bad argument: unknown flag, malformed endpoint, an address in use. */
    public static final int USAGE = 2;

    private ToolExit()
    {
    }
}
