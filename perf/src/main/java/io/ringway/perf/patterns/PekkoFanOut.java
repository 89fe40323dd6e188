package io.ringway.perf.patterns;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.routing.BroadcastPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.patterns.PatternSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.patterns.PatternSettings.JOIN_TIMEOUT_NS;
import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;

/**
 * Fan-out throughput with Pekko classic actors: messages told to a broadcast router per microsecond, every
 * routee receiving every one of them.
 * <pre>
 *  +------------ JMH thread ------------+  tell   +------------------+  routes on the   +-- dispatcher --------+
 *  | new PekkoMessage(n, copy of 64 B)  |-------->| BroadcastPool(n) |----------------->| routee0 .. n-1,      |
 *  | at most 65536 in flight (window)   |         | router           |  sender's thread | unbounded mailboxes, |
 *  +------------------------------------+         +------------------+  to each mailbox | one thread (spins)   |
 *                                                                                       +----------------------+
 * </pre>
 * See {@link PekkoSystem} for the dispatcher. Each iteration's teardown waits until every routee has received,
 * in order, every message told.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class PekkoFanOut
{
    /** Routees of the broadcast router. */
    @Param({"1", "2", "4"})
    public int subscribers;

    private final byte[] body = new byte[MESSAGE_LENGTH];
    private Receivers receivers;
    private ActorSystem system;
    private ActorRef router;
    private long sent;

    /** Starts the actor system and the router, and waits until every routee receives. */
    @Setup(Level.Trial)
    public void setUp()
    {
        receivers = Receivers.eachReceivesAll(subscribers);
        system = PekkoSystem.start("fan-out");
        router = system.actorOf(new BroadcastPool(subscribers).props(PekkoReceiver.props(receivers)), "prices");
        receivers.awaitJoined(() -> router.tell(new PekkoMessage(-1, body), ActorRef.noSender()), JOIN_TIMEOUT_NS);
    }

    /** Tells one new message to the router, first waiting while the window is full. */
    @Benchmark
    public void publish()
    {
        receivers.awaitRoom(sent);
        router.tell(new PekkoMessage(sent, body), ActorRef.noSender());
        sent++;
    }

    /** Fails the run unless every routee received every message, in order. */
    @TearDown(Level.Iteration)
    public void awaitSubscribers()
    {
        receivers.awaitDelivered(sent, CATCH_UP_TIMEOUT_NS);
    }

    /** Terminates the actor system. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        PekkoSystem.stop(system);
    }
}
