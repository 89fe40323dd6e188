package io.ringway.transport.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory of its own under the test's temporary directory for each runtime a wire placement starts. */
final class WireDirectories
{
    private WireDirectories()
    {
    }

    /** @return {@code runtimeDirectory/name}, created if need be. */
    static Path create(final Path runtimeDirectory, final String name)
    {
        try
        {
            return Files.createDirectories(runtimeDirectory.resolve(name));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
