package io.ringway.patterns.reqrep;

import io.ringway.patterns.testing.InProcessMemberPlacement;
import io.ringway.patterns.testing.MemberPlacement;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The correlate-reply contract with every member in one runtime, on one caller-run dispatcher driven by the
 * test thread.
 */
class InProcessRequestReplyTest extends RequestReplyContract
{
    @TempDir
    Path runtimeDirectory;

    @Override
    protected MemberPlacement placement()
    {
        return new InProcessMemberPlacement(runtimeDirectory);
    }
}
