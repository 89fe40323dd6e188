package io.ringway.patterns.roundrobin;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.Runtimes;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a {@link RoundRobinContract}'s workers live: all in the senders' runtime
 * ({@link InProcessRoundRobinPlacement}), or some of them in another runtime behind an {@code ipc://} or
 * {@code tcp://} bridge. The contract declares the senders apart from the workers and names the workers on the
 * round-robin only through the placement, so the placement can put each worker where it likes.
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public interface RoundRobinPlacement
{
    /**
     * Builds and starts the round-robin's runtimes.
     *
     * @param operator   the round-robin's name.
     * @param everywhere declares what every runtime needs: its settings and the workers' dispatchers.
     * @param senders    declares the senders and their dispatchers, in the runtime under test.
     * @param workers    the workers, in the order of the rotation.
     * @param configure  names the senders on the round-robin and sets its strategy and key function; the placement
     *                   names the workers.
     * @return the runtimes started; the runtime under test holds the senders.
     */
    Runtimes start(
        String operator,
        Consumer<TopologyBuilder> everywhere,
        Consumer<TopologyBuilder> senders,
        List<RoundRobinWorker> workers,
        Consumer<RoundRobinSpec> configure);
}
