/**
 * {@code bench}'s results and their outputs: the console table ({@link io.ringway.perf.report.ReportTable}) and
 * the report folder ({@link io.ringway.perf.report.ReportFolder}: XHTML with inline SVG plots, JSON, HdrHistogram
 * {@code .hgrm} files). Every ratio is a system's figure over Ringway's on the same benchmark. Nothing here is on
 * a hot path: the report is written once, after the benchmarks.
 */
package io.ringway.perf.report;
