package io.ringway.runtime.endpoint;

import io.ringway.runtime.errors.ConfigurationException;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * CurveZMQ (RFC 26) for a link: encryption, and for a server an allow-list of the clients' public keys (checked
 * through ZAP, RFC 27), so that knowing the server's public key is not enough to get in. Keys are Z85 text (40
 * characters). A secret key is only ever read from a file, which holds {@code public-key = "..."} and
 * {@code secret-key = "..."} lines (a ZeroMQ certificate's secret file); it is never part of a message or a log.
 *
 * @param keyFile           the file with this side's public and secret keys.
 * @param serverPublicKey   for a client, the server's public key; null for a server.
 * @param allowedClientKeys for a server, the public keys of the clients let in; empty for a client.
 */
public record LinkSecurity(Path keyFile, String serverPublicKey, Set<String> allowedClientKeys)
{
    /**
     * The name of a CURVE server link's own counter, {@code link <name>: auth refused} in the counters file:
     * connections refused for a client key not on the allow-list, a failed CURVE handshake, or no CURVE at all.
     */
    public static final String AUTH_REFUSED_COUNTER = "auth refused";

    /**
     * @param keyFile           the server's key file.
     * @param allowedClientKeys public keys of the only clients let in; a client with any other key, or without
     *                          CURVE, is refused.
     * @return server-side security.
     */
    public static LinkSecurity curveServer(final Path keyFile, final Set<String> allowedClientKeys)
    {
        return new LinkSecurity(Objects.requireNonNull(keyFile, "keyFile"), null, Set.copyOf(allowedClientKeys));
    }

    /**
     * @param keyFile         the client's key file.
     * @param serverPublicKey the server's public key.
     * @return client-side security.
     */
    public static LinkSecurity curveClient(final Path keyFile, final String serverPublicKey)
    {
        return new LinkSecurity(Objects.requireNonNull(keyFile, "keyFile"),
            Objects.requireNonNull(serverPublicKey, "serverPublicKey"), Set.of());
    }

    /** @return true for the server side. */
    public boolean isServer()
    {
        return null == serverPublicKey;
    }

    /**
     * @param where names the link, for the message.
     * @throws ConfigurationException for a server with nobody allowed, or a key that is not 40 characters.
     */
    public void validate(final String where)
    {
        if (isServer() && allowedClientKeys.isEmpty())
        {
            throw new ConfigurationException(where + ": a CURVE server needs at least one allowed client key");
        }
        for (final String key : allowedClientKeys)
        {
            requireZ85(where, "an allowed client key", key);
        }
        if (!isServer())
        {
            requireZ85(where, "the server public key", serverPublicKey);
        }
    }

    private static void requireZ85(final String where, final String what, final String key)
    {
        if (null == key || key.length() != 40)
        {
            throw new ConfigurationException(where + ": " + what + " is not a 40-character Z85 key");
        }
    }
}
