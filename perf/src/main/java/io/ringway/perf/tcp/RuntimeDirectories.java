package io.ringway.perf.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fresh runtime directories for the two runtimes of one benchmark: each runtime needs its own (its counters file
 * refuses a directory a live runtime uses), and the default one may be in use by another process.
 * <p>
 * Thread safety: none; set-up and tear-down only.
 */
final class RuntimeDirectories
{
    private final List<Path> created = new ArrayList<>();

    /**
     * @param role names the runtime, for whoever reads the temp directory.
     * @return a new empty directory.
     */
    Path create(final String role)
    {
        try
        {
            final Path directory = Files.createTempDirectory("ringway-tcp-" + role + "-");
            created.add(directory);
            return directory;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Deletes every directory created, with what the runtimes left in it. Call after closing them. */
    void deleteAll()
    {
        for (final Path directory : created)
        {
            try (Stream<Path> paths = Files.walk(directory))
            {
                for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
                {
                    Files.deleteIfExists(path);
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        created.clear();
    }
}
