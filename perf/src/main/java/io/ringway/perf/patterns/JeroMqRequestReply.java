package io.ringway.perf.patterns;

import io.ringway.perf.core.CoreSettings;
import org.agrona.concurrent.AgentRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.zeromq.ZMQ;

import java.util.concurrent.TimeUnit;

/**
 * Request-reply round trip with JeroMQ inproc REQ/REP: one sample is one request and its reply, one request in
 * flight.
 * <pre>
 *  +------------ JMH thread ------------+  inproc://request-reply-0  +-- one thread, busy-spinning --+
 *  | REQ (binds)                        |--------------------------->| REP (connects)                |
 *  | send(64 bytes)                     |                            | recv(DONTWAIT), send the copy |
 *  | recv(DONTWAIT) until the reply <---+----------------------------+                               |
 *  +------------------------------------+                            +-------------------------------+
 * </pre>
 * REQ/REP is ZeroMQ's correlate-reply with one request in flight, which is what this benchmark asks of every
 * system.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class JeroMqRequestReply
{
    private final JeroMqRequesters requesters = new JeroMqRequesters("request-reply", 1);
    private ZMQ.Context context;
    private AgentRunner replierThread;

    /** Binds the REQ socket on the JMH thread, starts the replier's thread and makes one round trip. */
    @Setup(Level.Trial)
    public void setUp()
    {
        context = ZMQ.context(1);
        requesters.bind(context);
        replierThread = CoreSettings.startRunner(new JeroMqRepliers(context, requesters.endpoints()));
        requesters.roundTrip();
    }

    /** Sends one request and busy-waits its reply. */
    @Benchmark
    public void requestReply()
    {
        requesters.roundTrip();
    }

    /** Stops the replier's thread (which closes its socket), closes the REQ socket and ends the context. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        replierThread.close();
        requesters.close();
        context.term();
    }
}
