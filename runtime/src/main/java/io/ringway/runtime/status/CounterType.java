package io.ringway.runtime.status;

/**
 * The kinds of counter that every actor and dispatcher has. The {@link #typeId()} is stored with each
 * counter in the counters file, so a reader in another process can tell them apart without parsing labels.
 */
public enum CounterType
{
    /** Messages sent by the owner. */
    SENT(1, "sent"),
    /** Messages handled by the owner. */
    RECEIVED(2, "received"),
    /** Offers into the owner's mailbox refused because it was full. */
    BACK_PRESSURED(3, "back-pressured"),
    /** Messages for the owner refused or discarded: too large, sent after close, left in the ring at close. */
    DROPPED(4, "dropped"),
    /** Messages handed to the dead-letter handler: the handler threw, or the actor had stopped. */
    DEAD_LETTERED(5, "dead-lettered"),
    /** Exceptions thrown by handlers, timers and agents. */
    ERRORS(6, "errors");

    /**
     * The type id of a counter that an operator names for itself, such as a request-reply's {@code timeouts}:
     * not one of these six, labelled {@code <owner>: <name>} like them.
     */
    public static final int OPERATOR_COUNTER_TYPE_ID = 100;

    private final int typeId;
    private final String label;

    CounterType(final int typeId, final String label)
    {
        this.typeId = typeId;
        this.label = label;
    }

    /** @return the id stored with the counter in the counters file. */
    public int typeId()
    {
        return typeId;
    }

    /** @return the word used in counter labels. */
    public String label()
    {
        return label;
    }

    /**
     * @param typeId an id read from the counters file.
     * @return the matching type, or null for a counter that is not one of these.
     */
    public static CounterType ofTypeId(final int typeId)
    {
        for (final CounterType type : values())
        {
            if (type.typeId == typeId)
            {
                return type;
            }
        }
        return null;
    }
}
