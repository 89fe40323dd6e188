package io.ringway.runtime.endpoint;

import io.ringway.runtime.errors.ConfigurationException;

import java.util.ServiceLoader;

/**
 * Finds the {@link TransportProvider} for an endpoint's scheme on the class path.
 */
public final class Transports
{
    /** The artifact that serves {@code tcp://} and {@code ipc://}. */
    public static final String TRANSPORT_ARTIFACT = "io.ringway:ringway-transport";

    private Transports()
    {
    }

    /**
     * @param endpoint    a remote endpoint.
     * @param classLoader where to look for providers.
     * @return the provider that serves its scheme.
     * @throws ConfigurationException naming the artifact to add when none is on the class path.
     */
    public static TransportProvider require(final Endpoint endpoint, final ClassLoader classLoader)
    {
        if (endpoint.isInProcess())
        {
            throw new IllegalArgumentException(endpoint + " is served in-process, not by a transport");
        }
        for (final TransportProvider provider : ServiceLoader.load(TransportProvider.class, classLoader))
        {
            if (provider.schemes().contains(endpoint.scheme()))
            {
                return provider;
            }
        }
        throw new ConfigurationException("endpoint " + endpoint + " needs a transport for '" + endpoint.scheme()
            + "://' but none is on the class path: add the dependency " + TRANSPORT_ARTIFACT);
    }
}
