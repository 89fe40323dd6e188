package io.ringway.transport.zmq;

import org.agrona.concurrent.IdleStrategy;

/**
 * The one thread that owns a link's JeroMQ sockets: it runs the agent's duty cycle until asked to stop, then
 * lets the agent close its sockets on the same thread.
 * <p>
 * It is never interrupted. JeroMQ signals between threads over NIO channels, and an interrupt closes a channel
 * ({@code ClosedByInterruptException}) and breaks the whole context; Agrona's {@code AgentRunner.close()}
 * interrupts a thread that is slow to stop, so it is not used here. A thread that does not stop within its bound
 * is reported, and left to finish.
 * <p>
 * Thread safety: {@link #start()} and {@link #close(long)} from the controlling thread.
 */
final class LinkThread implements Runnable
{
    private final LinkAgent agent;
    private final IdleStrategy idleStrategy;
    private final Thread thread;
    private volatile boolean running = true;

    LinkThread(final LinkAgent agent, final IdleStrategy idleStrategy, final String name)
    {
        this.agent = agent;
        this.idleStrategy = idleStrategy;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    /** @return where the thread is now, for a report of a thread that is late: one line per frame. */
    String whereNow()
    {
        final StringBuilder where = new StringBuilder();
        for (final StackTraceElement frame : thread.getStackTrace())
        {
            where.append("\n\tat ").append(frame);
        }
        return where.toString();
    }

    @Override
    public void run()
    {
        if (!agent.onStart())
        {
            return;
        }
        try
        {
            final IdleStrategy idle = idleStrategy;
            while (running)
            {
                idle.idle(agent.doWork());
            }
        }
        finally
        {
            agent.onClose();
        }
    }

    /**
     * Asks the thread to stop and waits for it.
     *
     * @param timeoutMs how long to wait.
     * @return true if the thread has ended.
     */
    boolean close(final long timeoutMs)
    {
        running = false;
        boolean interrupted = false;
        final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
        while (thread.isAlive() && deadlineNs - System.nanoTime() > 0)
        {
            try
            {
                thread.join(Math.max(1, (deadlineNs - System.nanoTime()) / 1_000_000L));
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
