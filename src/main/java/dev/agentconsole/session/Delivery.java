package dev.agentconsole.session;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.Outgoing;
import java.util.Optional;

/**
 * One press of "send" and where it stands. {@code id} is stable across resends.
 *
 * @param attempts how many times it was handed to the wire (a resend after UNCERTAIN is attempt 2)
 */
public record Delivery(long id, Outgoing outgoing, DeliveryState state, Optional<AgentError> cause, int attempts) {

    public Delivery with(DeliveryState next, Optional<AgentError> why) {
        return new Delivery(id, outgoing, next, why, attempts);
    }

    public Delivery resent() {
        return new Delivery(id, outgoing, DeliveryState.QUEUED, Optional.empty(), attempts + 1);
    }
}
