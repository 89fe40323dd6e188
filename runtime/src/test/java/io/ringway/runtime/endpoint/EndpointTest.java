package io.ringway.runtime.endpoint;

import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class EndpointTest
{
    @Test
    void shouldParseEachScheme()
    {
        assertEquals(new Endpoint("inproc", "orders", null, -1), Endpoint.parse("inproc://orders"));
        assertEquals(new Endpoint("ipc", "md-feed", null, -1), Endpoint.parse("ipc://md-feed"));
        assertEquals(new Endpoint("tcp", "127.0.0.1:5555", "127.0.0.1", 5555), Endpoint.parse("tcp://127.0.0.1:5555"));
        assertEquals(new Endpoint("tcp", "[::1]:6000", "::1", 6000), Endpoint.parse("tcp://[::1]:6000"));
        assertEquals(0, Endpoint.parse("tcp://localhost:*").port(), "* is any free port");
        assertEquals("tcp://127.0.0.1:5555", Endpoint.parse("tcp://127.0.0.1:5555").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "udp://host:1          | unknown scheme 'udp'",
        "orders                | has no scheme",
        "tcp://                | nothing after",
        "tcp://127.0.0.1       | has no port",
        "tcp://:5555           | has no host",
        "tcp://host:0          | expected 1 to 65535",
        "tcp://host:70000      | expected 1 to 65535",
        "tcp://host:http       | expected a number",
        "tcp://::1:5555        | IPv6 host without brackets",
        "tcp://[::1:5555       | malformed IPv6",
        "inproc://a b          | spaces",
    })
    void shouldRejectMalformedEndpointNamingTheFault(final String text, final String expected)
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class, () -> Endpoint.parse(text));
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }

    @Test
    void shouldRejectEmptyEndpoint()
    {
        assertThrows(ConfigurationException.class, () -> Endpoint.parse(""));
        assertThrows(ConfigurationException.class, () -> Endpoint.parse(null));
    }
}
