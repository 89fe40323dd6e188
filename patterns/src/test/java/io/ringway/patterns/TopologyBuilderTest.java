package io.ringway.patterns;

import io.ringway.runtime.ActorOptions;
import io.ringway.runtime.Ringway;
import io.ringway.runtime.actor.Actor;
import io.ringway.runtime.actor.ActorFactory;
import io.ringway.runtime.actor.Attachment;
import io.ringway.runtime.errors.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The DSL's own duties, with a minimal operator: check operators against the topology, then attach them.
 */
class TopologyBuilderTest
{
    private static final ActorFactory NO_OP = context -> (Actor)(buffer, offset, length, header) -> { };

    @TempDir
    Path runtimeDirectory;

    /** An operator that attaches a marker to each of its members. */
    private static final class MarkerSpec implements OperatorSpec
    {
        private final String name;
        private final List<String> members;
        final List<String> calls = new ArrayList<>();

        MarkerSpec(final String name, final String... members)
        {
            this.name = name;
            this.members = Arrays.asList(members.clone());
        }

        @Override
        public String name()
        {
            return name;
        }

        @Override
        public void validate(final TopologyView topology)
        {
            calls.add("validate");
            for (final String member : members)
            {
                topology.requireActor("marker '" + name + "'", "member", member);
            }
        }

        @Override
        public void configure(final String actorName, final ActorOptions options)
        {
            if (members.contains(actorName))
            {
                calls.add("configure " + actorName);
                options.attach(name, new Attachment() { });
            }
        }
    }

    private TopologyBuilder topology()
    {
        return Topology.builder().runtime(runtime -> runtime.runtimeDirectory(runtimeDirectory));
    }

    @Test
    void shouldValidateThenAttachOperatorsToTheirMembersOnly()
    {
        final MarkerSpec marker = new MarkerSpec("m", "a");
        final List<String> found = new ArrayList<>();
        try (Ringway ringway = topology()
            .callerDispatcher("main")
            .actor("a", context ->
            {
                found.add(context.attachment("m", Attachment.class).getClass().getName());
                return (buffer, offset, length, header) -> { };
            })
            .actor("b", NO_OP)
            .operator(marker)
            .build()
            .start())
        {
            assertEquals(List.of("validate", "configure a"), marker.calls);
            assertEquals(1, found.size(), "the member found its attachment by the operator's name");
        }
    }

    @Test
    void shouldNameAnUnknownMember()
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class,
            () -> topology().actor("a", NO_OP).operator(new MarkerSpec("m", "a", "ghost")).build());
        assertEquals("marker 'm': member 'ghost' is not an actor of the topology; actors are [a]", ex.getMessage());
    }

    @Test
    void shouldRejectNamesUsedTwice()
    {
        final ConfigurationException operator = assertThrows(ConfigurationException.class,
            () -> topology().operator(new MarkerSpec("m")).operator(new MarkerSpec("m")));
        assertEquals("operator name 'm' is used twice", operator.getMessage());
        final ConfigurationException actor = assertThrows(ConfigurationException.class,
            () -> topology().actor("a", NO_OP).actor("a", NO_OP));
        assertEquals("actor name 'a' is used twice", actor.getMessage());
    }

    /** Found by TopologyFuzzTest: a null actor name failed build() with a NullPointerException. */
    @Test
    void shouldRejectAnEmptyActorName()
    {
        for (final String name : new String[] { null, "", " " })
        {
            final ConfigurationException ex = assertThrows(ConfigurationException.class,
                () -> topology().actor(name, NO_OP));
            assertEquals("actor name must not be empty", ex.getMessage());
        }
    }

    /** Found by TopologyFuzzTest: a null member failed requesters(...) with a NullPointerException. */
    @Test
    void shouldRejectANullMemberNamingItsRole()
    {
        final ConfigurationException requester = assertThrows(ConfigurationException.class,
            () -> topology().actor("a", NO_OP).requestReply("rr", rr -> rr.requesters((String)null).replier("a"))
                .build());
        assertEquals("request-reply 'rr': no requester given", requester.getMessage());
        final ConfigurationException member = assertThrows(ConfigurationException.class,
            () -> topology().actor("a", NO_OP).gather("g", g -> g.requester("a").members((String)null)).build());
        assertEquals("gather 'g': no member given", member.getMessage());
    }

    @Test
    void shouldPassRuntimeFaultsThrough()
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class,
            () -> topology().actor("a", NO_OP, actor -> actor.ringSize(100)).build());
        assertTrue(ex.getMessage().contains("ring size 100 is not a power of two"), ex.getMessage());
    }

    @Test
    void shouldNameAMissingMember()
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class,
            () -> topology().actor("a", NO_OP).operator(new MarkerSpec("m", "a", null)).build());
        assertEquals("marker 'm': no member given", ex.getMessage());
    }

    @Test
    void shouldBuildOneRuntimeOnly()
    {
        final TopologyBuilder builder = topology().actor("a", NO_OP);
        try (Ringway ignored = builder.build())
        {
            final IllegalStateException ex = assertThrows(IllegalStateException.class, builder::build);
            assertEquals("build() was already called: a TopologyBuilder builds one runtime", ex.getMessage());
        }
    }
}
