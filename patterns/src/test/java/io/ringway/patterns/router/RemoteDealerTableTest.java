package io.ringway.patterns.router;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote dealers by routing id: identities after the local dealers', unknown once gone, never reused for a
 * newcomer, and a full table refusing more.
 */
class RemoteDealerTableTest
{
    private static final int LOCAL_DEALERS = 2;

    private final RemoteDealerTable table = new RemoteDealerTable(LOCAL_DEALERS, 2);

    private static UnsafeBuffer id(final String routingId)
    {
        return new UnsafeBuffer(routingId.getBytes(StandardCharsets.UTF_8));
    }

    private int add(final String routingId)
    {
        final UnsafeBuffer buffer = id(routingId);
        return table.findOrAdd(buffer, 0, buffer.capacity());
    }

    private boolean remove(final String routingId)
    {
        final UnsafeBuffer buffer = id(routingId);
        return table.remove(buffer, 0, buffer.capacity());
    }

    @Test
    void shouldNumberRemoteDealersAfterTheLocalOnes()
    {
        final int a = add("A");
        final int b = add("B");
        assertEquals(LOCAL_DEALERS, a);
        assertEquals(LOCAL_DEALERS + 1, b);
        assertEquals(a, add("A"), "a known dealer keeps its identity");
        assertEquals(b, table.find("B"));
        assertArrayEquals("A".getBytes(StandardCharsets.UTF_8), table.routingId(a));
        assertNull(table.routingId(0), "a local identity is no remote dealer's");
        assertEquals(2, table.count());
    }

    @Test
    void shouldForgetADealerThatLeftAndNeverReuseItsIdentity()
    {
        final int first = add("A");
        assertTrue(remove("A"));
        assertNull(table.routingId(first), "gone: unknown");
        assertEquals(Router.NO_IDENTITY, table.find("A"));
        assertFalse(remove("A"));

        final int again = add("A");
        assertNotEquals(first, again, "the same routing id back is a new dealer");
        assertNull(table.routingId(first), "the old identity still names nobody");
        assertArrayEquals("A".getBytes(StandardCharsets.UTF_8), table.routingId(again));
    }

    @Test
    void shouldRefuseANewDealerWhenFull()
    {
        add("A");
        add("B");
        assertEquals(Router.NO_IDENTITY, add("C"));
        assertEquals(2, table.count());
        remove("A");
        assertNotEquals(Router.NO_IDENTITY, add("C"));
    }

    @Test
    void shouldTellRoutingIdsOfTheSameLengthApart()
    {
        final int ab = add("AB");
        final int ac = add("AC");
        assertNotEquals(ab, ac);
        assertEquals(ac, table.find("AC"));
    }
}
