package io.ringway.perf.tools;

import io.ringway.perf.stat.StatCommand;

/**
 * The peer tools and {@code stat}, as {@code ringway-perf} registers them: one new command object per tool.
 */
public final class PeerTools
{
    private PeerTools()
    {
    }

    /**
     * @return a new instance of each tool's command: pub, sub, push, pull, req, rep and stat.
     */
    public static Object[] commands()
    {
        return new Object[]{ new PubTool(), new SubTool(), new PushTool(), new PullTool(), new ReqTool(), new RepTool(),
            new StatCommand() };
    }
}
