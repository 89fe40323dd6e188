package io.ringway.patterns.reqrep;

import io.ringway.patterns.testing.InProcessMemberPlacement;
import io.ringway.patterns.testing.MemberPlacement;

/**
 * The correlate-reply contract with every member in one runtime, on one caller-run dispatcher driven by the
 * test thread.
 */
class InProcessRequestReplyTest extends RequestReplyContract
{
    @Override
    protected MemberPlacement placement()
    {
        return new InProcessMemberPlacement(runtimeDirectory);
    }
}
