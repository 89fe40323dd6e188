package io.ringway.runtime.actor;

import io.ringway.runtime.ring.SharedRing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The actors (and attachment addresses) of one runtime by id and by name, and its shared rings by name. Fixed
 * when the runtime is built.
 * <p>
 * Thread safe: immutable after construction.
 */
public final class ActorDirectory
{
    private final ActorRef[] byId;
    private final Map<String, ActorRef> byName = new HashMap<>();
    private final Map<String, SharedRing> sharedRings;

    /**
     * @param refs        every actor, each at the index of its id.
     * @param sharedRings every shared ring by name.
     */
    public ActorDirectory(final List<ActorRef> refs, final Map<String, SharedRing> sharedRings)
    {
        this.sharedRings = Map.copyOf(sharedRings);
        this.byId = refs.toArray(new ActorRef[0]);
        for (int i = 0; i < byId.length; i++)
        {
            if (byId[i].id() != i)
            {
                throw new IllegalArgumentException("actor " + byId[i].name() + " has id " + byId[i].id() + " at " + i);
            }
            byName.put(byId[i].name(), byId[i]);
        }
    }

    /**
     * @param id an actor id, as in {@code Header.senderId()}.
     * @return the actor, or null if there is none with that id.
     */
    public ActorRef byId(final int id)
    {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    /**
     * @param name an actor name.
     * @return the actor.
     * @throws IllegalArgumentException if there is no such actor.
     */
    public ActorRef byName(final String name)
    {
        final ActorRef ref = byName.get(name);
        if (null == ref)
        {
            throw new IllegalArgumentException("no actor named '" + name + "'; actors are " + byName.keySet());
        }
        return ref;
    }

    /**
     * @param name a shared ring's name.
     * @return the ring.
     * @throws IllegalArgumentException if there is no such ring.
     */
    public SharedRing sharedRing(final String name)
    {
        final SharedRing ring = sharedRings.get(name);
        if (null == ring)
        {
            throw new IllegalArgumentException("no shared ring named '" + name + "'; shared rings are "
                + sharedRings.keySet());
        }
        return ring;
    }

    /** @return the number of actors. */
    public int size()
    {
        return byId.length;
    }
}
