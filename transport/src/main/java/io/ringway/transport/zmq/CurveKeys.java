package io.ringway.transport.zmq;

import io.ringway.runtime.errors.ConfigurationException;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One side's CURVE key pair, read from a key file with {@code public-key = "..."} and {@code secret-key = "..."}
 * lines (the layout of a ZeroMQ certificate's secret file). No message this class produces contains key text.
 *
 * @param publicKey the 32-byte public key.
 * @param secretKey the 32-byte secret key.
 */
record CurveKeys(byte[] publicKey, byte[] secretKey)
{
    private static final Pattern PUBLIC = Pattern.compile("public-key\\s*=\\s*\"([^\"]{40})\"");
    private static final Pattern SECRET = Pattern.compile("secret-key\\s*=\\s*\"([^\"]{40})\"");

    /**
     * @param file the key file.
     * @return the keys.
     * @throws ConfigurationException naming the file and what is missing, never the keys.
     */
    static CurveKeys read(final Path file)
    {
        final String text;
        try
        {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new ConfigurationException("cannot read CURVE key file " + file + ": " + ex.getClass().getSimpleName());
        }
        return new CurveKeys(decode(file, PUBLIC.matcher(text), "public-key"),
            decode(file, SECRET.matcher(text), "secret-key"));
    }

    /**
     * @param key a 40-character Z85 key.
     * @return its 32 bytes.
     */
    static byte[] decode(final String key)
    {
        return ZMQ.Curve.z85Decode(key);
    }

    private static byte[] decode(final Path file, final Matcher matcher, final String name)
    {
        if (!matcher.find())
        {
            throw new ConfigurationException("CURVE key file " + file + " has no " + name
                + " = \"<40 Z85 characters>\" line");
        }
        try
        {
            final byte[] key = ZMQ.Curve.z85Decode(matcher.group(1));
            // Z85 decoding maps characters outside its alphabet to garbage: a key must encode back to its text.
            if (null != key && key.length == 32 && ZMQ.Curve.z85Encode(key).equals(matcher.group(1)))
            {
                return key;
            }
        }
        catch (final RuntimeException ex)
        {
            // reported below, without the key text the exception may hold
        }
        throw new ConfigurationException("CURVE key file " + file + ": " + name + " is not valid Z85");
    }
}
