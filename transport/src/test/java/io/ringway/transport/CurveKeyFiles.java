package io.ringway.transport;

import org.zeromq.ZMQ;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a CURVE key pair as a ZeroMQ certificate's secret file, the form {@code LinkSecurity} reads.
 */
final class CurveKeyFiles
{
    private CurveKeyFiles()
    {
    }

    static Path write(final Path directory, final String name, final ZMQ.Curve.KeyPair keys) throws IOException
    {
        return Files.writeString(directory.resolve(name + ".key_secret"),
            "curve\n    public-key = \"" + keys.publicKey + "\"\n    secret-key = \"" + keys.secretKey + "\"\n");
    }
}
