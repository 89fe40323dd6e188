package io.ringway.patterns.gather;

import io.ringway.patterns.testing.InProcessMemberPlacement;
import io.ringway.patterns.testing.MemberPlacement;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The gather-with-deadline contract with every member in one runtime, on one caller-run dispatcher driven by the
 * test thread.
 */
class InProcessGatherTest extends GatherContract
{
    @TempDir
    Path runtimeDirectory;

    @Override
    protected MemberPlacement placement()
    {
        return new InProcessMemberPlacement(runtimeDirectory);
    }
}
