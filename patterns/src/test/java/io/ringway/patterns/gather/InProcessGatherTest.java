package io.ringway.patterns.gather;

import io.ringway.patterns.testing.InProcessMemberPlacement;
import io.ringway.patterns.testing.MemberPlacement;

/**
 * The gather-with-deadline contract with every member in one runtime, on one caller-run dispatcher driven by the
 * test thread.
 */
class InProcessGatherTest extends GatherContract
{
    @Override
    protected MemberPlacement placement()
    {
        return new InProcessMemberPlacement(runtimeDirectory);
    }
}
