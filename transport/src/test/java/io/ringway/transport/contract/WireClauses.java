package io.ringway.transport.contract;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * The clauses of a contract that do not run over the wire, each by test method name with the reason, reported by
 * JUnit as disabled with that reason. Every other clause of the contract runs. Kept beside the wire subclasses,
 * and listed in docs/WIRE.md ("Contracts over the wire"), so that no clause is weakened silently.
 */
final class WireClauses implements ExecutionCondition
{
    private final Map<String, String> reasonByTest;

    /** @param reasonByTest why each named test method of the contract cannot hold over the wire. */
    WireClauses(final Map<String, String> reasonByTest)
    {
        this.reasonByTest = Map.copyOf(reasonByTest);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(final ExtensionContext context)
    {
        final String reason = context.getTestMethod().map(method -> reasonByTest.get(method.getName())).orElse(null);
        return null == reason ?
            ConditionEvaluationResult.enabled("runs over the wire") :
            ConditionEvaluationResult.disabled("in-process only: " + reason);
    }
}
