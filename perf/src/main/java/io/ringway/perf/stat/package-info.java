/**
 * {@code stat}: the live counters of a running Ringway process, read from the counters file in its runtime
 * directory through Agrona's {@code CountersReader} over a mapped file, never by opening the runtime, in the
 * manner of AeronStat.
 */
package io.ringway.perf.stat;
