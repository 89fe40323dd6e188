package io.ringway.patterns;

import io.ringway.patterns.fanout.FanOutSpec;
import io.ringway.patterns.gather.GatherSpec;
import io.ringway.patterns.pair.PairSpec;
import io.ringway.patterns.pipeline.PipelineSpec;
import io.ringway.patterns.reqrep.RequestReplySpec;
import io.ringway.patterns.roundrobin.RoundRobinSpec;
import io.ringway.patterns.router.RouterSpec;
import io.ringway.runtime.ActorOptions;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.errors.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A topology in one screen of Java: dispatchers, actors, and the operators between them, by name.
 * <pre>{@code
 * Ringway ringway = Topology.builder()
 *     .dispatcher("md")
 *     .actor("feed", Feed::new)
 *     .actor("strategy", Strategy::new)
 *     .fanOut("prices", fanOut -> fanOut.publisher("feed").subscriber("strategy", Delivery.LOSSLESS, "EUR"))
 *     .build()
 *     .start();
 * }</pre>
 * {@link #build()} validates the whole topology and fails with a {@link ConfigurationException} that names the
 * fault: an unknown member, a name used twice, a pair with three ends, a cycle in a pipeline, a ring size that
 * is not a power of two.
 * <p>
 * Not thread safe: build on one thread.
 */
public final class TopologyBuilder
{
    private final RingwayBuilder runtime = Ringway.builder();
    private final Map<String, ActorDeclaration> actors = new LinkedHashMap<>();
    private final Map<String, OperatorSpec> operators = new LinkedHashMap<>();
    private boolean built;

    private record ActorDeclaration(String name, ActorFactory factory, Consumer<ActorOptions> options)
    {
    }

    TopologyBuilder()
    {
    }

    /**
     * @param configure runtime settings: directory, error and dead-letter handlers, drain timeout, clock.
     * @return this builder.
     */
    public TopologyBuilder runtime(final Consumer<RingwayBuilder> configure)
    {
        configure.accept(runtime);
        return this;
    }

    /**
     * @param name a dispatcher with its own thread and the default backoff idle strategy.
     * @return this builder.
     */
    public TopologyBuilder dispatcher(final String name)
    {
        runtime.dispatcher(name);
        return this;
    }

    /**
     * @param name a dispatcher with its own thread.
     * @param idle how it waits for work.
     * @return this builder.
     */
    public TopologyBuilder dispatcher(final String name, final Idle idle)
    {
        runtime.dispatcher(name, idle);
        return this;
    }

    /**
     * @param name a dispatcher driven by the caller through {@code ringway.invoker(name)}.
     * @return this builder.
     */
    public TopologyBuilder callerDispatcher(final String name)
    {
        runtime.callerDispatcher(name);
        return this;
    }

    /**
     * @param name    unique among actors.
     * @param factory creates the actor's state.
     * @return this builder.
     */
    public TopologyBuilder actor(final String name, final ActorFactory factory)
    {
        return actor(name, factory, options -> { });
    }

    /**
     * @param name    unique among actors.
     * @param factory creates the actor's state.
     * @param options its dispatcher, mailbox and supervision.
     * @return this builder.
     * @throws ConfigurationException if the name is null, blank or already used.
     */
    public TopologyBuilder actor(final String name, final ActorFactory factory, final Consumer<ActorOptions> options)
    {
        if (null == name || name.isBlank())
        {
            // Checked here, not left to the runtime: build() validates operators against these names first.
            throw new ConfigurationException("actor name must not be empty");
        }
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        if (null != actors.putIfAbsent(name, new ActorDeclaration(name, factory, options)))
        {
            throw new ConfigurationException("actor name '" + name + "' is used twice");
        }
        return this;
    }

    /**
     * @param name      unique among operators.
     * @param configure its publishers and subscribers.
     * @return this builder.
     */
    public TopologyBuilder fanOut(final String name, final Consumer<FanOutSpec> configure)
    {
        return operator(configured(new FanOutSpec(name), configure));
    }

    /**
     * @param name      unique among operators.
     * @param configure its senders, workers and strategy.
     * @return this builder.
     */
    public TopologyBuilder roundRobin(final String name, final Consumer<RoundRobinSpec> configure)
    {
        return operator(configured(new RoundRobinSpec(name), configure));
    }

    /**
     * @param name      unique among operators.
     * @param configure its requesters, replier, timeout and retries.
     * @return this builder.
     */
    public TopologyBuilder requestReply(final String name, final Consumer<RequestReplySpec> configure)
    {
        return operator(configured(new RequestReplySpec(name), configure));
    }

    /**
     * @param name      unique among operators.
     * @param configure its requester, members, completion rule and deadline.
     * @return this builder.
     */
    public TopologyBuilder gather(final String name, final Consumer<GatherSpec> configure)
    {
        return operator(configured(new GatherSpec(name), configure));
    }

    /**
     * @param name      unique among operators.
     * @param configure its two ends.
     * @return this builder.
     */
    public TopologyBuilder pair(final String name, final Consumer<PairSpec> configure)
    {
        return operator(configured(new PairSpec(name), configure));
    }

    /**
     * @param name      unique among operators.
     * @param configure its router and dealers.
     * @return this builder.
     */
    public TopologyBuilder router(final String name, final Consumer<RouterSpec> configure)
    {
        return operator(configured(new RouterSpec(name), configure));
    }

    /**
     * @param name      unique among operators.
     * @param configure its publisher and steps.
     * @return this builder.
     */
    public TopologyBuilder pipeline(final String name, final Consumer<PipelineSpec> configure)
    {
        return operator(configured(new PipelineSpec(name), configure));
    }

    /**
     * Adds an operator of any kind.
     *
     * @param spec the operator.
     * @return this builder.
     */
    public TopologyBuilder operator(final OperatorSpec spec)
    {
        if (null == spec.name() || spec.name().isBlank())
        {
            throw new ConfigurationException("operator name must not be empty");
        }
        if (null != operators.putIfAbsent(spec.name(), spec))
        {
            throw new ConfigurationException("operator name '" + spec.name() + "' is used twice");
        }
        return this;
    }

    private static <S> S configured(final S spec, final Consumer<S> configure)
    {
        configure.accept(spec);
        return spec;
    }

    /**
     * Validates the whole topology and builds its runtime, not yet started.
     *
     * @return the runtime; call {@code start()}.
     * @throws ConfigurationException naming the first fault found.
     * @throws IllegalStateException when called a second time: a builder builds one runtime, because the
     * operators it declared hold that runtime's state.
     */
    public Ringway build()
    {
        if (built)
        {
            throw new IllegalStateException("build() was already called: a TopologyBuilder builds one runtime");
        }
        built = true;
        final TopologyView view = new TopologyView(Set.copyOf(actors.keySet()));
        for (final OperatorSpec operator : operators.values())
        {
            operator.validate(view);
        }
        for (final OperatorSpec operator : operators.values())
        {
            operator.declare(runtime);
        }
        for (final ActorDeclaration actor : actors.values())
        {
            runtime.actor(actor.name(), actor.factory(), options ->
            {
                actor.options().accept(options);
                for (final OperatorSpec operator : operators.values())
                {
                    operator.configure(actor.name(), options);
                }
            });
        }
        return runtime.build();
    }
}
