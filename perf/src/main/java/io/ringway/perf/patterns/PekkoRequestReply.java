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

import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;
import static io.ringway.perf.patterns.PatternSettings.REPLY_TIMEOUT;

/**
 * Request-reply round trip with Pekko classic actors: one sample is one {@code ask} and its reply, one request in
 * flight.
 * <pre>
 *  +------------- JMH thread --------------+   ask: tell from a      +-- dispatcher -------------+
 *  | Patterns.ask(echo, new PekkoMessage,  |   temporary actor ref   | "echo"                    |
 *  |              5 s timeout)             |------------------------>|  sender().tell(request)   |
 *  | spins on Future.isCompleted()  <------+-------------------------+  one thread (spins)       |
 *  +---------------------------------------+   completes the future  +---------------------------+
 * </pre>
 * {@code ask} is Pekko's correlate-reply: a temporary actor ref per request, a timeout scheduled per request,
 * and a future the reply completes. The Scala {@code Future} is polled directly, the cheapest way to wait on it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class PekkoRequestReply
{
    private final byte[] body = new byte[MESSAGE_LENGTH];
    private ActorSystem system;
    private ActorRef echo;
    private long sequence;

    /** Starts the actor system and the echo actor. */
    @Setup(Level.Trial)
    public void setUp()
    {
        system = PekkoSystem.start("request-reply");
        echo = system.actorOf(PekkoEcho.props(), "echo");
    }

    /** Asks once and busy-waits the reply. */
    @Benchmark
    public void requestReply()
    {
        final long sequence = ++this.sequence;
        final Future<Object> reply = Patterns.ask(echo, new PekkoMessage(sequence, body), REPLY_TIMEOUT.toMillis());
        PekkoEcho.awaitSequence(reply, sequence);
    }

    /** Terminates the actor system. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        PekkoSystem.stop(system);
    }
}
