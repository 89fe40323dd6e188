package io.ringway.patterns.pipeline;

import io.ringway.patterns.OperatorSpec;
import io.ringway.patterns.TopologyView;
import io.ringway.runtime.ActorOptions;
import io.ringway.runtime.RingwayBuilder;
import io.ringway.runtime.SharedRingOptions;
import io.ringway.runtime.errors.ConfigurationException;
import io.ringway.runtime.ring.ReadMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pipeline (the Disruptor's {@code handleEventsWith(a).then(b, c).then(d)}) as declared in the topology DSL:
 * stages over one ring, each step gated on every stage of the step before, with no copy between stages. The
 * stages of one step run in parallel; each sees every message.
 * <pre>
 *                                                +--> limitA --+
 *   gateway --offer--> [ ring checks ] --> validate           +--> persist
 *                        one slot per            +--> limitB --+
 *                        message, read in place
 *                        by every stage          step 1   step 2    step 3
 * </pre>
 * <pre>{@code
 * .pipeline("checks", p -> p
 *     .publisher("gateway")
 *     .step("validate")
 *     .step("limitA", "limitB")
 *     .step("persist"))
 * }</pre>
 * Publishers find a {@link PipelineSource} and stages a {@link PipelineStage} with
 * {@code context.attachment("checks", ...)}. The ring is a shared ring of the runtime named after the operator,
 * with one lossless reader per stage named after the stage; the producers are gated by the last step, so a slow
 * stage anywhere back-pressures the publishers.
 * <p>
 * {@code build()} fails with a {@link ConfigurationException} naming the pipeline and the fault: no publisher,
 * no step or an empty step, a member that is not an actor, a publisher declared twice, a stage named twice in a
 * step, a cycle (a stage in two steps, or a stage that is also a publisher), a ring size that is not a power of
 * two, or {@link #singleProducer()} with several publishers.
 * <p>
 * Not thread safe: declare on one thread.
 */
public final class PipelineSpec implements OperatorSpec
{
    /** Default most messages a stage takes from the ring per duty cycle. */
    public static final int DEFAULT_BATCH_LIMIT = 256;

    private final String name;
    private final List<String> publishers = new ArrayList<>();
    private final List<String[]> steps = new ArrayList<>();
    private int ringSize = ActorOptions.DEFAULT_RING_SIZE;
    private int maxMessageLength = ActorOptions.DEFAULT_MAX_MESSAGE_LENGTH;
    private int batchLimit = DEFAULT_BATCH_LIMIT;
    private boolean singleProducer;

    /** @param name of the operator, unique in its topology; also the name of its ring and attachments. */
    public PipelineSpec(final String name)
    {
        this.name = name;
    }

    @Override
    public String name()
    {
        return name;
    }

    /**
     * @param actorName an actor that sends into the pipeline; it gets a {@link PipelineSource}. Call once per
     *                  publisher.
     * @return this spec.
     */
    public PipelineSpec publisher(final String actorName)
    {
        publishers.add(actorName);
        return this;
    }

    /**
     * Adds the next step: its stages run in parallel, each seeing a message once every stage of the step before
     * is done with it.
     *
     * @param stageNames actors, each getting a {@link PipelineStage}.
     * @return this spec.
     */
    public PipelineSpec step(final String... stageNames)
    {
        steps.add(stageNames.clone());
        return this;
    }

    /**
     * @param ringSize slots in the ring, a power of two; {@link ActorOptions#DEFAULT_RING_SIZE} by default.
     * @return this spec.
     */
    public PipelineSpec ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * @param maxMessageLength largest message, in bytes; {@link ActorOptions#DEFAULT_MAX_MESSAGE_LENGTH} by default.
     * @return this spec.
     */
    public PipelineSpec maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * @param batchLimit most messages a stage takes from the ring per duty cycle.
     * @return this spec.
     */
    public PipelineSpec batchLimit(final int batchLimit)
    {
        this.batchLimit = batchLimit;
        return this;
    }

    /**
     * Declares that one thread sends into the pipeline, so the ring uses the single-producer sequencer. Needs
     * exactly one publisher.
     *
     * @return this spec.
     */
    public PipelineSpec singleProducer()
    {
        this.singleProducer = true;
        return this;
    }

    @Override
    public void validate(final TopologyView topology)
    {
        final String where = "pipeline '" + name + "'";
        if (publishers.isEmpty())
        {
            throw new ConfigurationException(where + ": has no publisher");
        }
        final Set<String> publisherNames = new HashSet<>();
        for (final String publisher : publishers)
        {
            topology.requireActor(where, "publisher", publisher);
            if (!publisherNames.add(publisher))
            {
                throw new ConfigurationException(where + ": publisher '" + publisher + "' is declared twice");
            }
        }
        if (steps.isEmpty())
        {
            throw new ConfigurationException(where + ": has no step");
        }
        final Map<String, Integer> stepOfStage = new HashMap<>();
        for (int i = 0; i < steps.size(); i++)
        {
            final int step = i + 1;
            if (steps.get(i).length == 0)
            {
                throw new ConfigurationException(where + ": step " + step + " has no stage");
            }
            for (final String stage : steps.get(i))
            {
                topology.requireActor(where, "stage", stage);
                if (publisherNames.contains(stage))
                {
                    throw new ConfigurationException(where + ": '" + stage
                        + "' is both a publisher and a stage of step " + step + ", which makes a cycle");
                }
                final Integer earlier = stepOfStage.putIfAbsent(stage, step);
                if (null != earlier)
                {
                    throw new ConfigurationException(earlier == step ?
                        where + ": stage '" + stage + "' is named twice in step " + step :
                        where + ": stage '" + stage + "' is in step " + earlier + " and step " + step
                            + ", which makes a cycle");
                }
            }
        }
        validateRing(where);
    }

    private void validateRing(final String where)
    {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1)
        {
            throw new ConfigurationException(where + ": ring size " + ringSize + " is not a power of two (at least 2)");
        }
        if (maxMessageLength < 1)
        {
            throw new ConfigurationException(where + ": max message length " + maxMessageLength
                + " must be at least 1 byte");
        }
        if (batchLimit < 1)
        {
            throw new ConfigurationException(where + ": batch limit " + batchLimit + " must be at least 1");
        }
        if (singleProducer && publishers.size() != 1)
        {
            throw new ConfigurationException(where + ": singleProducer() needs exactly one publisher, not "
                + publishers.size());
        }
    }

    @Override
    public void declare(final RingwayBuilder runtime)
    {
        runtime.sharedRing(name, this::declareRing);
    }

    private void declareRing(final SharedRingOptions ring)
    {
        ring.ringSize(ringSize).maxMessageLength(maxMessageLength);
        if (singleProducer)
        {
            ring.singleProducer();
        }
        String[] previous = new String[0];
        for (final String[] step : steps)
        {
            for (final String stage : step)
            {
                ring.reader(stage, ReadMode.LOSSLESS, previous);
            }
            previous = step;
        }
    }

    @Override
    public void configure(final String actorName, final ActorOptions options)
    {
        if (publishers.contains(actorName))
        {
            options.attach(name, new PipelineSource(name));
        }
        for (int i = 0; i < steps.size(); i++)
        {
            for (final String stage : steps.get(i))
            {
                if (stage.equals(actorName))
                {
                    options.attach(name, new PipelineStage(name, stage, i + 1, batchLimit));
                }
            }
        }
    }
}
