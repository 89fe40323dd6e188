/**
 * The peer tools of the {@code ringway-perf} command line, in the spirit of ZeroMQ's perf programs: {@code pub},
 * {@code sub}, {@code push}, {@code pull}, {@code req} and {@code rep}. Each is a real Ringway runtime whose one
 * side is a link bound or connected over {@code tcp://} or {@code ipc://}, so the other side can be any ZeroMQ
 * peer.
 * <p>
 * Conventions: every tool prints its bound endpoints and progress on standard error and one summary line on
 * standard output when it ends (with {@code --json}, one JSON object); SIGINT and SIGTERM end a tool cleanly and
 * it still prints that summary; a bad argument is a one-line error on standard error and exit status 2. The tools
 * are control-plane code: they allocate freely outside their send and receive loops.
 */
package io.ringway.perf.tools;
