package io.ringway.transport.zmq;

/**
 * The frame counts an {@link InboundPath} takes, and what a single frame is. A message of any other count is
 * dropped and counted as an error.
 */
enum InboundFrames
{
    /**
     * {@code [body]} only: a PULL, PAIR or DEALER into an address.
     */
    BODY,

    /**
     * {@code [topic][body]}, or a single frame taken as all topic with an empty body: into a shared ring, whose
     * local subscribers filter on the topic as a SUB filters on a message's first frame.
     */
    TOPIC_BODY,

    /**
     * {@code [body]} (topic length 0) or {@code [topic][body]}: a SUB into an address takes whatever frames its PUB
     * peers sent, as a ZeroMQ SUB does; a one-frame PUB message ({@code pub.send(b"EURUSD 1.1")}) is its body.
     */
    BODY_OR_TOPIC_BODY;

    /**
     * @param inboundTopic true if the link delivers to a shared ring, which keeps topics.
     * @param subscriber   true for a {@code SUBSCRIBE} link.
     * @return the frames such a link takes.
     */
    static InboundFrames of(final boolean inboundTopic, final boolean subscriber)
    {
        if (inboundTopic)
        {
            return TOPIC_BODY;
        }
        return subscriber ? BODY_OR_TOPIC_BODY : BODY;
    }
}
