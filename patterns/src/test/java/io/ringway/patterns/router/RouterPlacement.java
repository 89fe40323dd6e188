package io.ringway.patterns.router;

import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.testing.Runtimes;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a {@link RouterContract}'s dealers live: all in the router's runtime ({@link InProcessRouterPlacement}),
 * or some of them in another runtime behind an {@code ipc://} or {@code tcp://} bridge, where the router knows a
 * dealer by its routing id (its actor name) once it has sent something. The contract declares each dealer apart,
 * so the placement can put it where it likes, and names the dealers on the operator only through the placement.
 * <p>
 * Not thread-safe: the test thread alone calls it.
 */
public interface RouterPlacement
{
    /**
     * Builds and starts the router/dealer's runtimes.
     *
     * @param operator    the router/dealer's name.
     * @param everywhere  declares what every runtime needs: its dispatchers and settings.
     * @param router      the router actor's name, in the runtime under test.
     * @param routerSide  declares the router actor and the actors beside it.
     * @param dealerNames the dealers, in declaration order.
     * @param dealer      declares one dealer's actor, by name, on the topology of the runtime that holds it.
     * @return the runtimes started; the runtime under test holds the router.
     */
    Runtimes start(
        String operator,
        Consumer<TopologyBuilder> everywhere,
        String router,
        Consumer<TopologyBuilder> routerSide,
        List<String> dealerNames,
        BiConsumer<TopologyBuilder, String> dealer);

    /**
     * @param dealer one of the dealers started.
     * @return true if it is behind the bridge: the router knows it only once it has sent something.
     */
    boolean isRemote(String dealer);
}
