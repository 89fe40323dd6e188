package io.ringway.perf.patterns;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;

import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the Pekko actor system of a pattern benchmark, configured like Ringway's side of it.
 * <ul>
 *     <li>The benchmark's actors run on {@link #DISPATCHER}: one thread (an affinity pool of parallelism 1, at
 *     {@code idle-cpu-level = 10}, Pekko's setting closest to busy-spinning: it spins, then yields, then parks
 *     for at most about 10 us), as Ringway's receivers share one {@code BUSY_SPIN} dispatcher thread.</li>
 *     <li>Its {@code throughput} (messages an actor handles before the thread moves on) is Ringway's batch
 *     limit, {@link PatternSettings#BATCH_LIMIT}.</li>
 *     <li>Mailboxes are Pekko's default, unbounded: the producer holds itself to {@link PatternSettings#WINDOW}
 *     messages in flight.</li>
 * </ul>
 * Pekko's own actors (guardians, the scheduler) keep their defaults. For a comparison with Pekko as it comes,
 * {@code -D}{@value #DISPATCHER_PROPERTY}{@code =pekko.actor.default-dispatcher} puts the benchmark's actors on
 * Pekko's default dispatcher instead (a fork-join pool whose idle threads park); the suite never sets it.
 */
final class PekkoSystem
{
    /** Names another dispatcher for the benchmark's actors; see the class comment. */
    static final String DISPATCHER_PROPERTY = "ringway.perf.pekko.dispatcher";

    /** The dispatcher of the benchmark's actors. */
    static final String DISPATCHER = System.getProperty(DISPATCHER_PROPERTY, "ringway-bench.receivers");

    private static final Config CONFIG = ConfigFactory.parseString(String.join("\n",
        "pekko.loglevel = WARNING",
        "pekko.stdout-loglevel = WARNING",
        "pekko.log-dead-letters = off",
        "pekko.log-dead-letters-during-shutdown = off",
        "ringway-bench.receivers {",
        "  type = Dispatcher",
        "  executor = affinity-pool-executor",
        "  affinity-pool-executor {",
        "    parallelism-min = 1",
        "    parallelism-max = 1",
        "    idle-cpu-level = 10",
        "  }",
        "  throughput = " + PatternSettings.BATCH_LIMIT,
        "}"));

    private PekkoSystem()
    {
    }

    /**
     * @param name the system's name.
     * @return a started actor system.
     */
    static ActorSystem start(final String name)
    {
        return ActorSystem.create(name, CONFIG.withFallback(ConfigFactory.load()));
    }

    /**
     * Terminates the system and waits until it has.
     *
     * @param system to stop.
     * @throws IllegalStateException if it does not stop within 10 s.
     */
    static void stop(final ActorSystem system)
    {
        try
        {
            Await.result(system.terminate(), Duration.create(10, TimeUnit.SECONDS));
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("actor system " + system.name() + " did not terminate", ex);
        }
    }
}
