package io.ringway.perf.cli;

import io.ringway.perf.core.AgronaRingOneHop;
import io.ringway.perf.core.AgronaRingPingPong;
import io.ringway.perf.core.BlockingQueueOneHop;
import io.ringway.perf.core.BlockingQueuePingPong;
import io.ringway.perf.core.DisruptorOneHop;
import io.ringway.perf.core.DisruptorPingPong;
import io.ringway.perf.core.RingwayOneHop;
import io.ringway.perf.core.RingwayPingPong;
import io.ringway.perf.patterns.JeroMqFanOut;
import io.ringway.perf.patterns.JeroMqGather;
import io.ringway.perf.patterns.JeroMqRequestReply;
import io.ringway.perf.patterns.JeroMqRoundRobin;
import io.ringway.perf.patterns.PekkoFanOut;
import io.ringway.perf.patterns.PekkoGather;
import io.ringway.perf.patterns.PekkoRequestReply;
import io.ringway.perf.patterns.PekkoRoundRobin;
import io.ringway.perf.patterns.RingwayFanOut;
import io.ringway.perf.patterns.RingwayGather;
import io.ringway.perf.patterns.RingwayRequestReply;
import io.ringway.perf.patterns.RingwayRoundRobin;
import io.ringway.perf.report.BenchReport;
import io.ringway.perf.tcp.JeroMqTcpPushPull;
import io.ringway.perf.tcp.JeroMqTcpRequestReply;
import io.ringway.perf.tcp.RingwayTcpPushPull;
import io.ringway.perf.tcp.RingwayTcpRequestReply;
import io.ringway.perf.tcp.TcpSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The suites {@code bench} knows, in the order {@code --suite all} runs them. Adding a suite is one line in
 * {@link #SUITES}: a {@link BenchSuite} whose cases name JMH benchmark classes.
 */
public final class BenchSuites
{
    /** The name that runs every suite, one after another: the default. */
    public static final String ALL = "all";

    private static final String RINGWAY = BenchReport.BASELINE;
    private static final String PEKKO = "Pekko 1.1 classic actors";
    private static final String JEROMQ = "JeroMQ 0.6 inproc";
    private static final String JEROMQ_TCP = "JeroMQ 0.6 tcp";
    private static final String SUBSCRIBERS = "subscribers";
    private static final String LENGTH = "length";

    /** Every suite, in the order {@value #ALL} runs them. */
    public static final List<BenchSuite> SUITES = List.of(
        core(),
        patterns(),
        tcp()
    );

    private BenchSuites()
    {
    }

    /**
     * @param name a suite's name, or {@value #ALL}.
     * @return the suites it names, or an empty list if none.
     */
    public static List<BenchSuite> named(final String name)
    {
        final List<BenchSuite> suites = new ArrayList<>();
        for (final BenchSuite suite : SUITES)
        {
            if (ALL.equals(name) || suite.name().equals(name))
            {
                suites.add(suite);
            }
        }
        return suites;
    }

    /** @return the names {@code --suite} takes, for messages. */
    public static List<String> names()
    {
        final List<String> names = new ArrayList<>(List.of(ALL));
        for (final BenchSuite suite : SUITES)
        {
            names.add(suite.name());
        }
        return names;
    }

    private static BenchSuite core()
    {
        return new BenchSuite("core",
            "one-hop throughput and ping-pong latency against raw Disruptor, ArrayBlockingQueue and Agrona",
            List.of(
                BenchCase.of("one hop", RINGWAY, RingwayOneHop.class),
                BenchCase.of("one hop", "raw Disruptor 4", DisruptorOneHop.class),
                BenchCase.of("one hop", "ArrayBlockingQueue", BlockingQueueOneHop.class),
                BenchCase.of("one hop", "Agrona OneToOneRingBuffer", AgronaRingOneHop.class),
                BenchCase.of("ping-pong", RINGWAY, RingwayPingPong.class),
                BenchCase.of("ping-pong", "raw Disruptor 4", DisruptorPingPong.class),
                BenchCase.of("ping-pong", "ArrayBlockingQueue", BlockingQueuePingPong.class),
                BenchCase.of("ping-pong", "Agrona OneToOneRingBuffer", AgronaRingPingPong.class)));
    }

    private static BenchSuite patterns()
    {
        final List<BenchCase> cases = new ArrayList<>();
        for (final String subscribers : List.of("1", "2", "4"))
        {
            final String row = "fan-out " + subscribers;
            cases.add(new BenchCase(row, RINGWAY, RingwayFanOut.class, SUBSCRIBERS, subscribers));
            cases.add(new BenchCase(row, PEKKO, PekkoFanOut.class, SUBSCRIBERS, subscribers));
            cases.add(new BenchCase(row, JEROMQ, JeroMqFanOut.class, SUBSCRIBERS, subscribers));
        }
        cases.addAll(List.of(
            BenchCase.of("round-robin 2", RINGWAY, RingwayRoundRobin.class),
            BenchCase.of("round-robin 2", PEKKO, PekkoRoundRobin.class),
            BenchCase.of("round-robin 2", JEROMQ, JeroMqRoundRobin.class),
            BenchCase.of("request-reply", RINGWAY, RingwayRequestReply.class),
            BenchCase.of("request-reply", PEKKO, PekkoRequestReply.class),
            BenchCase.of("request-reply", JEROMQ, JeroMqRequestReply.class),
            BenchCase.of("gather 3", RINGWAY, RingwayGather.class),
            BenchCase.of("gather 3", PEKKO, PekkoGather.class),
            BenchCase.of("gather 3", JEROMQ, JeroMqGather.class)));
        return new BenchSuite("patterns",
            "fan-out, round-robin, request-reply and gather against Pekko actors and JeroMQ inproc", cases);
    }

    /** Over the bridge: two runtimes linked over tcp://127.0.0.1 against raw JeroMQ sockets, at two sizes. */
    private static BenchSuite tcp()
    {
        final List<BenchCase> cases = new ArrayList<>();
        for (final String length : List.of(TcpSettings.SMALL, TcpSettings.LARGE))
        {
            final String pushPull = "tcp push/pull " + length + " B";
            final String requestReply = "tcp request-reply " + length + " B";
            cases.add(new BenchCase(pushPull, RINGWAY, RingwayTcpPushPull.class, LENGTH, length));
            cases.add(new BenchCase(pushPull, JEROMQ_TCP, JeroMqTcpPushPull.class, LENGTH, length));
            cases.add(new BenchCase(requestReply, RINGWAY, RingwayTcpRequestReply.class, LENGTH, length));
            cases.add(new BenchCase(requestReply, JEROMQ_TCP, JeroMqTcpRequestReply.class, LENGTH, length));
        }
        return new BenchSuite("tcp",
            "push/pull throughput and request-reply round trip over tcp against raw JeroMQ tcp sockets", cases);
    }
}
