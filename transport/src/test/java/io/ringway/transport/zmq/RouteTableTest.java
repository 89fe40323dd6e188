package io.ringway.transport.zmq;

import org.junit.jupiter.api.Test;
import zmq.Msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RouteTableTest
{
    private static final Msg[] NO_ENVELOPE = new Msg[0];

    @Test
    void shouldFindARouteByItsTokenUntilReleased()
    {
        final RouteTable routes = new RouteTable(4);
        final Msg identity = new Msg(new byte[] { 1 });
        final Msg hop = new Msg(new byte[] { 2 });
        final int index = routes.acquire(0);
        routes.set(index, identity, new Msg[] { hop }, 1, true);
        final long token = routes.token(index);

        assertEquals(index, routes.indexOf(token));
        assertSame(identity, routes.identity(index));
        assertSame(hop, routes.envelope(index, 0));
        assertEquals(1, routes.envelopeLength(index));

        routes.release(index);
        assertEquals(RouteTable.NONE, routes.indexOf(token), "a second reply finds nothing");
    }

    @Test
    void shouldNotLetAStaleTokenFindTheSlotsNextRoute()
    {
        final RouteTable routes = new RouteTable(1);
        final int first = routes.acquire(0);
        final long stale = routes.token(first);
        routes.release(first);
        final int second = routes.acquire(0);
        assertEquals(first, second, "the same slot is reused");
        assertNotEquals(stale, routes.token(second));
        assertEquals(RouteTable.NONE, routes.indexOf(stale), "a late reply does not reach the new request's client");
    }

    @Test
    void shouldRefuseWhenFullAndGiveUpOnlyRoutesPastTheirTimeToLive()
    {
        final RouteTable routes = new RouteTable(2);
        final int old = routes.acquire(0);
        routes.set(old, new Msg(), NO_ENVELOPE, 0, false);
        final int young = routes.acquire(RouteTable.ROUTE_TTL_NS);
        assertEquals(RouteTable.NONE, routes.acquire(RouteTable.ROUTE_TTL_NS));

        assertEquals(1, routes.expire(RouteTable.ROUTE_TTL_NS + 1));
        assertEquals(RouteTable.NONE, routes.indexOf(routes.token(old)));
        assertEquals(young, routes.indexOf(routes.token(young)));
        assertEquals(old, routes.acquire(RouteTable.ROUTE_TTL_NS + 1));
    }

    @Test
    void shouldNeverHandOutTokenZero()
    {
        final RouteTable routes = new RouteTable(8);
        for (int i = 0; i < 100; i++)
        {
            final int index = routes.acquire(0);
            assertNotEquals(0L, routes.token(index));
            assertEquals(RouteTable.NONE, routes.indexOf(0));
            routes.release(index);
        }
    }
}
