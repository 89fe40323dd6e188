/**
 * The subcommands of {@code ringway-perf} ({@link io.ringway.perf.RingwayPerf} registers them): {@code bench}
 * and its suites ({@link io.ringway.perf.cli.BenchSuites}, a list of JMH benchmark classes; adding a suite is one
 * line there) and {@code demo}. Each subcommand is a picocli {@code Callable<Integer>}: it prints through its
 * parent's streams, throws {@code ParameterException} for a bad argument (one line, exit status 2) and returns
 * its exit status.
 */
package io.ringway.perf.cli;
