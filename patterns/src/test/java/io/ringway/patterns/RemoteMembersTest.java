package io.ringway.patterns;

import io.ringway.runtime.agent.Idle;
import io.ringway.runtime.endpoint.LinkShape;
import org.junit.jupiter.api.Test;

import static io.ringway.runtime.endpoint.LinkEndpoint.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RemoteMembersTest
{
    @Test
    void shouldDeclareItsLinkWithTheBackoffIdleByDefault()
    {
        final RemoteMembers members = new RemoteMembers();
        members.add(connect("tcp://127.0.0.1:5999"));

        assertEquals(Idle.BACKOFF, members.link("remote", LinkShape.COLLECT).idle());
    }

    @Test
    void shouldDeclareItsLinkWithTheIdleChosenForTheRole()
    {
        final RemoteMembers members = new RemoteMembers();
        members.add(connect("tcp://127.0.0.1:5999"));
        members.idle(Idle.YIELDING);

        assertEquals(Idle.YIELDING, members.link("remote", LinkShape.COLLECT).idle());
    }
}
