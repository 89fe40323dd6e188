package io.ringway.perf.tools;

import io.ringway.runtime.endpoint.LinkEndpoint;
import io.ringway.runtime.errors.ConfigurationException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code --bind EP} and {@code --connect EP} options of a peer tool: each may be given several times and
 * mixed, as a ZeroMQ socket binds and connects to several endpoints; the order given is kept. An endpoint is
 * parsed as it is read, so a malformed one is a usage error naming it.
 * <p>
 * Not thread safe: filled by the parser.
 */
public final class EndpointOptions
{
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private final List<LinkEndpoint> endpoints = new ArrayList<>();

    /**
     * @param endpoint a {@code tcp://host:port} or {@code ipc://name} endpoint to listen at.
     */
    @Option(names = "--bind", paramLabel = "EP", description = "endpoint to bind, e.g. tcp://127.0.0.1:5556 "
        + "(port * for any free port); repeatable")
    public void bind(final String endpoint)
    {
        endpoints.add(parse(endpoint, true));
    }

    /**
     * @param endpoint a {@code tcp://host:port} or {@code ipc://name} endpoint to connect to.
     */
    @Option(names = "--connect", paramLabel = "EP", description = "endpoint to connect to; repeatable")
    public void connect(final String endpoint)
    {
        endpoints.add(parse(endpoint, false));
    }

    private LinkEndpoint parse(final String endpoint, final boolean bind)
    {
        try
        {
            final LinkEndpoint parsed = bind ? LinkEndpoint.bind(endpoint) : LinkEndpoint.connect(endpoint);
            if (parsed.endpoint().isInProcess())
            {
                throw new ConfigurationException("endpoint '" + endpoint + "' is in-process: a peer tool needs "
                    + "tcp:// or ipc://");
            }
            return parsed;
        }
        catch (final ConfigurationException ex)
        {
            throw new ParameterException(mixee.commandLine(), ex.getMessage());
        }
    }

    /**
     * @param spec the command, for the message.
     * @return the endpoints, in the order given.
     * @throws ParameterException if none was given.
     */
    public List<LinkEndpoint> require(final CommandSpec spec)
    {
        if (endpoints.isEmpty())
        {
            throw new ParameterException(spec.commandLine(), "give at least one --bind or --connect endpoint");
        }
        return Collections.unmodifiableList(endpoints);
    }

    /**
     * @return the endpoints, in the order given, as an array for the DSL.
     */
    public LinkEndpoint[] toArray()
    {
        return endpoints.toArray(new LinkEndpoint[0]);
    }
}
