package io.ringway.perf.soak;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ringway-perf soak}: runs the trading topology losslessly at a fixed rate for a fixed time, in-process or
 * across two JVMs over tcp, prints every figure, and fails (exit 1) if anything was lost, repeated, reordered or
 * leaked. A correctness run, not a speed run: run it under a shared lock.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "Run the trading topology losslessly at a fixed rate; check nothing is lost, repeated, "
        + "reordered or leaked.")
public final class SoakCommand implements Callable<Integer>
{
    /** Where the soak runs. */
    enum Mode
    {
        /** One JVM. */
        inproc,
        /** The source in this JVM, the topology in a child JVM, over tcp on 127.0.0.1. */
        tcp
    }

    @Option(names = "--mode", defaultValue = "inproc", description = "inproc or tcp (default: ${DEFAULT-VALUE})")
    Mode mode;

    @Option(names = "--rate", defaultValue = "10000", description = "ticks per second (default: ${DEFAULT-VALUE})")
    long ratePerSecond;

    @Option(names = "--seconds", defaultValue = "600", description = "how long to send (default: ${DEFAULT-VALUE})")
    long seconds;

    @Option(names = "--ring-size", defaultValue = "4096",
        description = "every mailbox, ring and port (default: ${DEFAULT-VALUE})")
    int ringSize;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    /** A command printing to {@code System.out}. */
    public SoakCommand()
    {
        this(System.out);
    }

    SoakCommand(final PrintStream out)
    {
        this.out = out;
    }

    @Override
    public Integer call()
    {
        if (ratePerSecond < 1 || ratePerSecond > 1_000_000_000L)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--rate " + ratePerSecond + " must be between 1 and 1000000000");
        }
        if (seconds < 1)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be at least 1");
        }
        out.printf("soak %s: %,d ticks/s for %d s, ring size %d%n", mode, ratePerSecond, seconds, ringSize);
        final Duration duration = Duration.ofSeconds(seconds);
        final SoakReport report = Mode.tcp == mode ?
            Soak.overTcp(ratePerSecond, duration, ringSize, out) :
            Soak.inProcess(ratePerSecond, duration, ringSize, out);
        out.print(report.toTable());
        final List<String> violations = report.violations();
        violations.forEach(violation -> out.println("FAIL " + violation));
        out.println(violations.isEmpty() ? "PASS: nothing lost, repeated, reordered or leaked" : "FAIL");
        return violations.isEmpty() ? 0 : 1;
    }

    /**
     * Runs the command until the integrator registers it under {@code ringway-perf}.
     *
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new SoakCommand()).execute(args));
    }
}
