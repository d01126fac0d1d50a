package dev.agentconsole.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator asks for when creating a session.
 *
 * @param idleTimeout how long the session stays open for follow-ups after an answer (H)
 */
public record NewSession(String agent, Optional<OutgoingMessage> firstMessage,
                         Optional<Duration> idleTimeout) {
    public NewSession {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(firstMessage, "firstMessage");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }
}
