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

import static io.ringway.perf.patterns.PatternSettings.GATHER_MEMBERS;

/**
 * Gather over 3 members with JeroMQ inproc REQ/REP: one sample is one request to each of three REP sockets and
 * all three replies.
 * <pre>
 *  +------------ JMH thread ------------+  inproc://gather-0 .. 2  +-- one thread, busy-spinning ----+
 *  | REQ0, REQ1, REQ2 (bind)            |------------------------->| REP0, REP1, REP2 (connect)      |
 *  | send(64 bytes) on each             |                          | recv(DONTWAIT), send the copy   |
 *  | recv(DONTWAIT) until all 3 replied |<-------------------------+                                 |
 *  +------------------------------------+                          +---------------------------------+
 * </pre>
 * One REQ per member keeps the routing out of the measurement: each request goes straight to its member, as
 * Ringway's gatherer sends one copy to each member's mailbox.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class JeroMqGather
{
    private final JeroMqRequesters requesters = new JeroMqRequesters("gather", GATHER_MEMBERS);
    private ZMQ.Context context;
    private AgentRunner memberThread;

    /** Binds the REQ sockets on the JMH thread, starts the members' thread and makes one gather. */
    @Setup(Level.Trial)
    public void setUp()
    {
        context = ZMQ.context(1);
        requesters.bind(context);
        memberThread = CoreSettings.startRunner(new JeroMqRepliers(context, requesters.endpoints()));
        requesters.roundTrip();
    }

    /** Sends one request to each member and busy-waits all three replies. */
    @Benchmark
    public void gather()
    {
        requesters.roundTrip();
    }

    /** Stops the members' thread (which closes their sockets), closes the REQ sockets and ends the context. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        memberThread.close();
        requesters.close();
        context.term();
    }
}
