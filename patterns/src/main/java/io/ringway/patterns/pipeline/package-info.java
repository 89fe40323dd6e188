/**
 * Pipelines, the Disruptor's {@code then()} in the topology DSL: stages over one ring, each step gated on every
 * stage of the step before, parallel stages within a step, and no copy between stages (a stage may edit the slot
 * in place for the steps after it). Declared with {@link io.ringway.patterns.pipeline.PipelineSpec}; actors use
 * {@link io.ringway.patterns.pipeline.PipelineSource} and {@link io.ringway.patterns.pipeline.PipelineStage}.
 * Nothing on the send or delivery path allocates.
 */
package io.ringway.patterns.pipeline;
