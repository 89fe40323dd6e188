package io.ringway.runtime.endpoint;

import io.ringway.runtime.errors.ConfigurationException;

/**
 * A parsed endpoint, in ZeroMQ's notation: {@code inproc://name}, {@code ipc://name} or {@code tcp://host:port}.
 * A tcp port of {@code *} means "any free port" (0). IPv6 hosts are written in brackets: {@code tcp://[::1]:5555}.
 *
 * @param scheme  {@code inproc}, {@code ipc} or {@code tcp}.
 * @param address everything after {@code ://}.
 * @param host    the tcp host; null for inproc and ipc.
 * @param port    the tcp port, 0 for {@code *}; -1 for inproc and ipc.
 */
public record Endpoint(String scheme, String address, String host, int port)
{
    /** In-process: served by the runtime itself. */
    public static final String INPROC = "inproc";
    /** Inter-process on one machine: served by a transport. */
    public static final String IPC = "ipc";
    /** TCP: served by a transport. */
    public static final String TCP = "tcp";

    /**
     * @param text an endpoint such as {@code tcp://127.0.0.1:5555}.
     * @return the parsed endpoint.
     * @throws ConfigurationException naming what is wrong with the text.
     */
    public static Endpoint parse(final String text)
    {
        if (null == text || text.isBlank())
        {
            throw new ConfigurationException("empty endpoint: expected inproc://name, ipc://name or tcp://host:port");
        }
        final int separator = text.indexOf("://");
        if (separator <= 0)
        {
            throw new ConfigurationException("endpoint '" + text + "' has no scheme: expected inproc://name, "
                + "ipc://name or tcp://host:port");
        }
        final String scheme = text.substring(0, separator);
        final String address = text.substring(separator + 3);
        if (address.isEmpty())
        {
            throw new ConfigurationException("endpoint '" + text + "' has nothing after '://'");
        }
        if (!address.chars().allMatch(c -> c > ' ' && c < 127))
        {
            throw new ConfigurationException("endpoint '" + text + "' contains spaces or non-ASCII characters");
        }
        switch (scheme)
        {
            case INPROC:
            case IPC:
                return new Endpoint(scheme, address, null, -1);
            case TCP:
                return parseTcp(text, address);
            default:
                throw new ConfigurationException("endpoint '" + text + "' has unknown scheme '" + scheme
                    + "': expected inproc, ipc or tcp");
        }
    }

    private static Endpoint parseTcp(final String text, final String address)
    {
        final int colon = address.lastIndexOf(':');
        if (colon < 0)
        {
            throw new ConfigurationException("tcp endpoint '" + text + "' has no port: expected tcp://host:port");
        }
        String host = address.substring(0, colon);
        final String portText = address.substring(colon + 1);
        if (host.startsWith("["))
        {
            if (!host.endsWith("]") || host.length() < 3)
            {
                throw new ConfigurationException("tcp endpoint '" + text + "' has a malformed IPv6 host: "
                    + "expected tcp://[address]:port");
            }
            host = host.substring(1, host.length() - 1);
        }
        else if (host.indexOf(':') >= 0)
        {
            throw new ConfigurationException("tcp endpoint '" + text + "' has an IPv6 host without brackets: "
                + "expected tcp://[address]:port");
        }
        if (host.isEmpty())
        {
            throw new ConfigurationException("tcp endpoint '" + text + "' has no host: expected tcp://host:port");
        }
        return new Endpoint(TCP, address, host, parsePort(text, portText));
    }

    private static int parsePort(final String text, final String portText)
    {
        if ("*".equals(portText))
        {
            return 0;
        }
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit))
        {
            throw new ConfigurationException("tcp endpoint '" + text + "' has port '" + portText
                + "': expected a number from 1 to 65535, or *");
        }
        final int port = Integer.parseInt(portText);
        if (port < 1 || port > 65535)
        {
            throw new ConfigurationException("tcp endpoint '" + text + "' has port " + port
                + ": expected 1 to 65535, or *");
        }
        return port;
    }

    /** @return true for an endpoint the runtime serves itself, without a transport. */
    public boolean isInProcess()
    {
        return INPROC.equals(scheme);
    }

    @Override
    public String toString()
    {
        return scheme + "://" + address;
    }
}
