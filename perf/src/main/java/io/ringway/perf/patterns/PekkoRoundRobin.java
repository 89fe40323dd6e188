package io.ringway.perf.patterns;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.routing.RoundRobinPool;
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

import java.util.concurrent.TimeUnit;

import static io.ringway.perf.patterns.PatternSettings.CATCH_UP_TIMEOUT_NS;
import static io.ringway.perf.patterns.PatternSettings.JOIN_TIMEOUT_NS;
import static io.ringway.perf.patterns.PatternSettings.MESSAGE_LENGTH;
import static io.ringway.perf.patterns.PatternSettings.ROUND_ROBIN_WORKERS;

/**
 * Round-robin throughput over 2 workers with Pekko classic actors: messages told to a round-robin router per
 * microsecond, each received by exactly one routee.
 * <pre>
 *  +------------ JMH thread ------------+  tell   +-------------------+  routes on the   +-- dispatcher --------+
 *  | new PekkoMessage(n, copy of 64 B)  |-------->| RoundRobinPool(2) |----------------->| routee0, routee1,    |
 *  | at most 65536 in flight (window)   |         | router            |  sender's thread | unbounded mailboxes, |
 *  +------------------------------------+         +-------------------+  to one mailbox  | one thread (spins)   |
 *                                                                                        +----------------------+
 * </pre>
 * See {@link PekkoSystem} for the dispatcher. Each iteration's teardown waits until the routees together have
 * received every message told, each its own in order.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class PekkoRoundRobin
{
    private final byte[] body = new byte[MESSAGE_LENGTH];
    private final Receivers receivers = Receivers.shareTheWork(ROUND_ROBIN_WORKERS);
    private ActorSystem system;
    private ActorRef router;
    private long sent;

    /** Starts the actor system and the router, and waits until both routees receive. */
    @Setup(Level.Trial)
    public void setUp()
    {
        system = PekkoSystem.start("round-robin");
        router = system.actorOf(new RoundRobinPool(ROUND_ROBIN_WORKERS).props(PekkoReceiver.props(receivers)), "orders");
        receivers.awaitJoined(() -> router.tell(new PekkoMessage(-1, body), ActorRef.noSender()), JOIN_TIMEOUT_NS);
    }

    /** Tells one new message to the router, first waiting while the window is full. */
    @Benchmark
    public void send()
    {
        receivers.awaitRoom(sent);
        router.tell(new PekkoMessage(sent, body), ActorRef.noSender());
        sent++;
    }

    /** Fails the run unless the routees together received every message, each its own in order. */
    @TearDown(Level.Iteration)
    public void awaitWorkers()
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
