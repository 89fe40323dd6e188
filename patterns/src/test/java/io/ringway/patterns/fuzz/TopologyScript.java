package io.ringway.patterns.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.ringway.patterns.TopologyBuilder;
import io.ringway.patterns.fanout.Delivery;
import io.ringway.patterns.fanout.FanOutSpec;
import io.ringway.patterns.gather.GatherSpec;
import io.ringway.patterns.pipeline.PipelineSpec;
import io.ringway.patterns.reqrep.RequestReplySpec;
import io.ringway.patterns.roundrobin.RoundRobinSpec;
import io.ringway.patterns.roundrobin.RoundRobinStrategy;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.endpoint.LinkEndpoint;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a fuzzer's bytes as a topology declaration: dispatchers, actors and operators of every kind, with names
 * drawn from a few shared ones (so members often exist, clash or repeat) or made up (empty, null, odd
 * characters), and sizes that are mostly small and sometimes extreme. Remembers every name it declared, so that
 * a refusal can be checked to name its fault.
 * <p>
 * Extreme sizes are chosen so that no valid combination of them allocates more than a few MiB: every extreme
 * ring size or message length is either invalid on its own or makes a ring too large to address. A fuzzed
 * valid topology therefore builds quickly, and one that is too large must be refused, not attempted.
 * <p>
 * Not thread safe: one script per input.
 */
final class TopologyScript
{
    private static final String[] NAMES = { "a", "b", "c", "d", "md", "a.x", "x~remote" };
    private static final int[] EXTREME_SIZES = {
        0, -1, 3, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 31, 1 << 30, 1 << 26 };
    private static final Actor IDLE = (buffer, offset, length, header) -> { };

    private final FuzzedDataProvider data;
    private final Set<String> declared = new HashSet<>();

    TopologyScript(final FuzzedDataProvider data)
    {
        this.data = data;
    }

    /** @return every name this script declared: dispatchers, actors, operators, endpoints. */
    Set<String> declared()
    {
        return declared;
    }

    /**
     * Declares on the builder what the bytes say; any call may throw what the DSL throws for bad input.
     */
    void declareOn(final TopologyBuilder builder)
    {
        final int dispatchers = data.consumeInt(0, 2);
        for (int i = 0; i < dispatchers; i++)
        {
            builder.callerDispatcher(name());
        }
        final int actors = data.consumeInt(0, 6);
        for (int i = 0; i < actors; i++)
        {
            final boolean ownDispatcher = data.consumeBoolean();
            final String dispatcher = ownDispatcher ? name() : null;
            final int ringSize = ringSize();
            final int maxMessageLength = messageLength();
            builder.actor(name(), context -> IDLE, options ->
            {
                if (ownDispatcher)
                {
                    options.dispatcher(dispatcher);
                }
                options.ringSize(ringSize).maxMessageLength(maxMessageLength);
            });
        }
        final int operators = data.consumeInt(0, 4);
        for (int i = 0; i < operators && data.remainingBytes() > 0; i++)
        {
            declareOperator(builder, data.consumeInt(0, 6));
        }
    }

    private void declareOperator(final TopologyBuilder builder, final int kind)
    {
        switch (kind)
        {
            case 0:
                builder.fanOut(name(), this::fanOut);
                break;
            case 1:
                builder.roundRobin(name(), this::roundRobin);
                break;
            case 2:
                builder.requestReply(name(), this::requestReply);
                break;
            case 3:
                builder.gather(name(), this::gather);
                break;
            case 4:
                builder.pair(name(), pair -> pair.ends(names()).ringSize(ringSize()).maxMessageLength(messageLength()));
                break;
            case 5:
                builder.router(name(), router -> router.router(name()).dealers(names()));
                break;
            default:
                builder.pipeline(name(), this::pipeline);
                break;
        }
    }

    private void fanOut(final FanOutSpec fanOut)
    {
        fanOut.publisher(name()).ringSize(ringSize()).maxMessageLength(messageLength())
            .maxPrefixes(data.consumeInt(-1, 4)).maxPrefixLength(data.consumeInt(-1, 16))
            .batchLimit(data.consumeInt(-1, 64));
        final int subscribers = data.consumeInt(0, 3);
        for (int i = 0; i < subscribers; i++)
        {
            fanOut.subscriber(name(), delivery(), data.consumeString(4), data.consumeString(20));
        }
        if (data.consumeBoolean())
        {
            fanOut.singleProducer();
        }
        if (data.consumeBoolean())
        {
            fanOut.remoteSubscribers(delivery(), endpoint());
        }
    }

    private void roundRobin(final RoundRobinSpec roundRobin)
    {
        roundRobin.senders(names()).workers(names());
        final RoundRobinStrategy[] strategies = RoundRobinStrategy.values();
        final int strategy = data.consumeInt(0, strategies.length);
        roundRobin.strategy(strategy == strategies.length ? null : strategies[strategy]);
        if (data.consumeBoolean())
        {
            roundRobin.key((buffer, offset, length) -> buffer.getByte(offset));
        }
        if (data.consumeBoolean())
        {
            roundRobin.remoteWorkers(endpoint());
        }
    }

    private void requestReply(final RequestReplySpec requestReply)
    {
        requestReply.requesters(names());
        if (data.consumeBoolean())
        {
            requestReply.replier(name());
        }
        else
        {
            requestReply.repliers(names());
        }
        requestReply.timeout(duration()).retries(data.consumeInt(-1, 3)).maxInFlight(size())
            .maxMessageLength(messageLength()).replyRingSize(ringSize());
    }

    private void gather(final GatherSpec gather)
    {
        gather.requester(name()).members(names()).deadline(duration()).maxInFlight(size())
            .maxMessageLength(messageLength()).replyRingSize(ringSize());
        switch (data.consumeInt(0, 2))
        {
            case 0:
                gather.all();
                break;
            case 1:
                gather.quorum(data.consumeInt(-1, 4));
                break;
            default:
                gather.firstWins();
                break;
        }
    }

    private void pipeline(final PipelineSpec pipeline)
    {
        pipeline.publisher(name()).ringSize(ringSize()).maxMessageLength(messageLength())
            .batchLimit(data.consumeInt(-1, 64));
        final int steps = data.consumeInt(0, 3);
        for (int i = 0; i < steps; i++)
        {
            pipeline.step(names());
        }
        if (data.consumeBoolean())
        {
            pipeline.singleProducer();
        }
    }

    /** @return a shared name, a made-up one (maybe empty or odd), or now and then null. */
    private String name()
    {
        final int choice = data.consumeInt(0, NAMES.length + 1);
        final String name = choice < NAMES.length ? NAMES[choice]
            : choice == NAMES.length ? data.consumeString(6) : null;
        if (null != name)
        {
            declared.add(name);
        }
        return name;
    }

    private String[] names()
    {
        final String[] names = new String[data.consumeInt(0, 3)];
        for (int i = 0; i < names.length; i++)
        {
            names[i] = name();
        }
        return names;
    }

    private int ringSize()
    {
        return data.consumeBoolean() ? 1 << data.consumeInt(0, 10) : extreme();
    }

    private int messageLength()
    {
        return data.consumeBoolean() ? data.consumeInt(1, 4096) : extreme();
    }

    private int size()
    {
        return data.consumeBoolean() ? data.consumeInt(0, 64) : extreme();
    }

    private int extreme()
    {
        return EXTREME_SIZES[data.consumeInt(0, EXTREME_SIZES.length - 1)];
    }

    private Duration duration()
    {
        return data.consumeBoolean() ? Duration.ofNanos(data.consumeLong(-1, 10_000_000_000L)) : null;
    }

    private Delivery delivery()
    {
        final int choice = data.consumeInt(0, 2);
        return choice == 2 ? null : Delivery.values()[choice];
    }

    /** The text is remembered as a declared name: a refusal of it quotes it (or says it is empty). */
    private LinkEndpoint endpoint()
    {
        final String text = data.consumeBoolean() ? "tcp://127.0.0.1:*" : data.consumeString(24);
        declared.add(text);
        return data.consumeBoolean() ? LinkEndpoint.bind(text) : LinkEndpoint.connect(text);
    }
}
