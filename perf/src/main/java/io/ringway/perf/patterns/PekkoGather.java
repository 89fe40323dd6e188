package io.ringway.perf.patterns;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.pattern.Patterns;
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
import scala.concurrent.Future;

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.patterns.PatternSettings.GATHER_MEMBERS;
import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;
import static io.ringway.perf.patterns.PatternSettings.REPLY_TIMEOUT;

/**
 * Gather over 3 members with Pekko classic actors: one sample is three {@code ask}s, one to each member, and all
 * three replies.
 * <pre>
 *  +------------- JMH thread --------------+   3 x ask              +-- dispatcher --------------+
 *  | Patterns.ask(member_i, new message,   |----------------------->| "member0" .. "member2"     |
 *  |              5 s timeout), i = 0..2   |                        |  sender().tell(request)    |
 *  | spins until all 3 futures completed <-+------------------------+  one thread (spins)        |
 *  +---------------------------------------+                        +----------------------------+
 * </pre>
 * Pekko's {@code ScatterGatherFirstCompletedPool} completes at the first reply, not the complete gather that
 * Ringway's {@code all()} waits for, so the gather is three asks, the way a Pekko user gathers all replies.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class PekkoGather
{
    private final byte[] body = new byte[MESSAGE_LENGTH];
    private final ActorRef[] members = new ActorRef[GATHER_MEMBERS];
    private final Future<?>[] replies = new Future<?>[GATHER_MEMBERS];
    private ActorSystem system;
    private long sequence;

    /** Starts the actor system and the three members. */
    @Setup(Level.Trial)
    public void setUp()
    {
        system = PekkoSystem.start("gather");
        for (int i = 0; i < GATHER_MEMBERS; i++)
        {
            members[i] = system.actorOf(PekkoEcho.props(), "member" + i);
        }
    }

    /** Asks every member and busy-waits all three replies. */
    @Benchmark
    public void gather()
    {
        final long sequence = ++this.sequence;
        final PekkoMessage request = new PekkoMessage(sequence, body);
        final ActorRef[] members = this.members;
        final Future<?>[] replies = this.replies;
        for (int i = 0; i < members.length; i++)
        {
            replies[i] = Patterns.ask(members[i], request, REPLY_TIMEOUT.toMillis());
        }
        for (final Future<?> reply : replies)
        {
            PekkoEcho.awaitSequence(reply, sequence);
        }
    }

    /** Terminates the actor system. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        PekkoSystem.stop(system);
    }
}
