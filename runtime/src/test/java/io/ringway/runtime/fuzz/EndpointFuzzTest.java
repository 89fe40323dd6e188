package io.ringway.runtime.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ringway.runtime.endpoint.Endpoint;
import io.ringway.runtime.errors.ConfigurationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Endpoint#parse} on any text: it returns an endpoint that prints back as the text it came from, or throws a
 * {@link ConfigurationException} that quotes the text and says what was expected; any other exception fails.
 * <p>
 * Without {@code JAZZER_FUZZ} this runs the inputs kept under {@code EndpointFuzzTestInputs} as a regression test;
 * docs/FUZZING.md gives the command that fuzzes it.
 */
class EndpointFuzzTest
{
    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({ "tcp://", "ipc://", "inproc://", "://", "[", "]", ":", "*", "127.0.0.1", "::1", "65535" })
    void shouldParseOrNameTheFault(final FuzzedDataProvider data)
    {
        final String text = data.consumeRemainingAsString();
        final Endpoint endpoint;
        try
        {
            endpoint = Endpoint.parse(text);
        }
        catch (final ConfigurationException ex)
        {
            final String message = ex.getMessage();
            assertNotNull(message, "a refusal has a message");
            assertTrue(text.isBlank() ? message.contains("empty endpoint") : message.contains("'" + text + "'"),
                "the message quotes the text it refuses: " + message);
            assertTrue(message.contains("expected") || message.contains("contains") || message.contains("nothing"),
                "the message says what is wrong or what was expected: " + message);
            return;
        }
        assertEquals(text, endpoint.toString(), "an endpoint prints back as the text it was parsed from");
        assertFalse(endpoint.address().isEmpty(), "an address is never empty");
        assertTrue(endpoint.address().chars().allMatch(c -> c > ' ' && c < 127), "an address is printable ASCII");
        switch (endpoint.scheme())
        {
            case Endpoint.TCP:
                assertTcp(endpoint);
                break;
            case Endpoint.IPC:
            case Endpoint.INPROC:
                assertNull(endpoint.host(), "no host for " + endpoint);
                assertEquals(-1, endpoint.port(), "no port for " + endpoint);
                break;
            default:
                throw new AssertionError("accepted unknown scheme '" + endpoint.scheme() + "'");
        }
    }

    private static void assertTcp(final Endpoint endpoint)
    {
        final String host = endpoint.host();
        assertNotNull(host, "a tcp endpoint has a host");
        assertFalse(host.isEmpty(), "a tcp host is never empty");
        final String address = endpoint.address();
        final int colon = address.lastIndexOf(':');
        final String portText = address.substring(colon + 1);
        assertEquals("*".equals(portText) ? 0 : Integer.parseInt(portText), endpoint.port(),
            "the port is the number after the last ':' of " + address);
        assertTrue(endpoint.port() >= 0 && endpoint.port() <= 65535, "port in range: " + endpoint.port());
        final String hostText = address.substring(0, colon);
        assertTrue(hostText.equals(host) || hostText.equals("[" + host + "]"),
            "the host is what comes before the port, brackets removed: " + address);
    }
}
