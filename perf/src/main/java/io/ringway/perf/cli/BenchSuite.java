package io.ringway.perf.cli;

import java.util.List;

/**
 * A named set of JMH benchmarks that {@code bench} runs side by side. The cases run in the order given: keep each
 * row's systems together, so that on a host whose speed drifts over minutes they are measured close in time.
 *
 * @param name        the name {@code bench --suite} takes.
 * @param description what it compares, for {@code --help}.
 * @param cases       its benchmarks.
 */
public record BenchSuite(String name, String description, List<BenchCase> cases)
{
}
