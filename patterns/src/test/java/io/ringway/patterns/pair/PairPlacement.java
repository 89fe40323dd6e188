package io.ringway.patterns.pair;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.Runtimes;

import java.util.function.Consumer;

/**
 * Where a {@link PairContract}'s two ends live: both in one runtime ({@link InProcessPairPlacement}), or the
 * second end, with the actors beside it, in another runtime behind an {@code ipc://} or {@code tcp://} bridge.
 * The contract declares each end's side apart, so the placement can put it where it likes, and names the ends on
 * the pair only through the placement.
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public interface PairPlacement
{
    /**
     * Builds and starts the pair's runtimes.
     *
     * @param operator   the pair's name.
     * @param everywhere declares what every runtime needs: its dispatchers and settings.
     * @param endA       the first end's actor, in the runtime under test.
     * @param sideOfA    declares {@code endA} and the actors beside it.
     * @param endB       the second end's actor, wherever the placement puts it.
     * @param sideOfB    declares {@code endB} and the actors beside it.
     * @param bounds     sets the pair's bounds (ring size, largest message); the placement names the ends.
     * @return the runtimes started; the runtime under test holds {@code endA}.
     */
    Runtimes start(
        String operator,
        Consumer<TopologyBuilder> everywhere,
        String endA,
        Consumer<TopologyBuilder> sideOfA,
        String endB,
        Consumer<TopologyBuilder> sideOfB,
        Consumer<PairSpec> bounds);
}
