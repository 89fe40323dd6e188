package io.ringway.patterns.pipeline;

import io.ringway.patterns.Topology;
import io.ringway.patterns.testing.AllocationMeter;
import io.ringway.patterns.testing.DutyCycles;
import io.ringway.patterns.testing.InProcessPlacement;
import io.ringway.patterns.testing.Placement;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorRef;
import io.ringway.runtime.ring.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pipeline contract with every member in one runtime, plus what only holds in process: every stage reads
 * the very same slot, and sending and passing a message down allocates nothing.
 */
class InProcessPipelineTest extends PipelineContract
{
    private InProcessPlacement inProcess;

    @Override
    protected Placement placement()
    {
        inProcess = new InProcessPlacement(runtimeDirectory);
        return inProcess;
    }

    /** Forwards each command's body into the pipeline; no allocation. */
    private static final class QuietGateway implements Actor
    {
        private final PipelineSource checks;
        long lastResult;

        QuietGateway(final PipelineSource checks)
        {
            this.checks = checks;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            lastResult = checks.offer(buffer, offset, length);
        }
    }

    /** Adds one to the first long in place and remembers what it saw and where; no allocation. */
    private static final class QuietStage implements Actor
    {
        private final PipelineStage checks;
        long count;
        long lastValue;
        long lastAddress;

        QuietStage(final PipelineStage checks)
        {
            this.checks = checks;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            count++;
            lastValue = buffer.getLong(offset);
            lastAddress = buffer.addressOffset() + offset;
            checks.mutableBuffer().putLong(offset, lastValue + 1);
        }
    }

    private final QuietStage[] quiet = new QuietStage[3];

    private void startQuiet()
    {
        start(Topology.builder()
            .callerDispatcher("main")
            .actor("gateway", context -> new QuietGateway(context.attachment(OPERATOR, PipelineSource.class)))
            .actor("first", context -> quiet[0] = new QuietStage(context.attachment(OPERATOR, PipelineStage.class)))
            .actor("left", context -> quiet[1] = new QuietStage(context.attachment(OPERATOR, PipelineStage.class)))
            .actor("last", context -> quiet[2] = new QuietStage(context.attachment(OPERATOR, PipelineStage.class)))
            .pipeline(OPERATOR, pipeline -> pipeline.publisher("gateway").step("first").step("left").step("last")
                .ringSize(64)));
    }

    @Test
    void shouldHandEveryStageTheSameSlotWithNoCopy()
    {
        startQuiet();
        final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
        message.putLong(0, 100);
        inProcess.ringway().actor("gateway").offer(message, 0, 8);
        inProcess.ringway().invoker("main").invoke();
        inProcess.ringway().invoker("main").invoke();

        assertEquals(100, quiet[0].lastValue);
        assertEquals(101, quiet[1].lastValue, "first's edit, in place");
        assertEquals(102, quiet[2].lastValue, "left's edit, in place");
        assertEquals(quiet[0].lastAddress, quiet[1].lastAddress, "the same slot");
        assertEquals(quiet[0].lastAddress, quiet[2].lastAddress, "the same slot");
        assertEquals(100, message.getLong(0), "the publisher's buffer was copied in, not shared");
    }

    @Test
    void shouldAllocateNothingToSendAndPassAMessageDownThePipeline()
    {
        startQuiet();
        final AgentInvoker invoker = inProcess.ringway().invoker("main");
        final ActorRef gateway = inProcess.ringway().actor("gateway");
        final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
        final int warmUp = 30_000;
        final int measured = 10_000;
        DutyCycles.tellEachAndRun(invoker, gateway, message, warmUp);
        final AllocationMeter.Rounds rounds =
            AllocationMeter.untilACleanRound(10, () -> DutyCycles.tellEachAndRun(invoker, gateway, message, measured));
        final long messages = warmUp + (long)rounds.count() * measured;
        assertEquals(messages, quiet[2].count, "every message reached the last stage");
        assertEquals(measured - 1 + 2, quiet[2].lastValue, "with both edits");
        assertEquals(0L, rounds.last(),
            "bytes allocated per round of " + measured + " send and three-stage cycles: " + rounds);
    }
}
