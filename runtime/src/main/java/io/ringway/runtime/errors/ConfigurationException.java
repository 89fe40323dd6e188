package io.ringway.runtime.errors;

/**
 * Thrown when building a runtime or topology from a configuration that cannot work: the message names the
 * fault (which actor, which setting, what was expected).
 */
public final class ConfigurationException extends RuntimeException
{
    /**
     * @param message names the fault.
     */
    public ConfigurationException(final String message)
    {
        super(message);
    }

    /**
     * @param message names the fault.
     * @param cause   the underlying error.
     */
    public ConfigurationException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
