package io.ringway.patterns.pipeline;

import io.ringway.patterns.OperatorSpec;
import io.ringway.patterns.TopologyView;
import io.ringway.runtime.ActorOptions;

/** PLACEHOLDER: to be replaced by the operator's real declaration. */
public final class PipelineSpec implements OperatorSpec
{
    private final String name;

    /** @param name of the operator. */
    public PipelineSpec(final String name)
    {
        this.name = name;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void validate(final TopologyView topology)
    {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void configure(final String actorName, final ActorOptions options)
    {
    }
}
