package dev.agentconsole.agent;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the provider's session list.
 *
 * @param lastActivityAt H: when the session's latest event arrived; empty where the provider does not say
 */
public record SessionSummary(SessionId id, String agent, AgentStatus status, String rawStatus,
                             Optional<String> firstMessage, Optional<Instant> createdAt,
                             Optional<Instant> startedAt, Optional<Instant> finishedAt,
                             Optional<Instant> lastActivityAt) {

    /** A row with only the creation time (AGI's list has nothing more). */
    public SessionSummary(SessionId id, String agent, AgentStatus status, String rawStatus,
                          Optional<String> firstMessage, Optional<Instant> createdAt) {
        this(id, agent, status, rawStatus, firstMessage, createdAt, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The label an operator reads: the raw value when it is one we do not know. */
    public String statusLabel() {
        return status == AgentStatus.UNKNOWN && rawStatus != null ? rawStatus : status.label();
    }
}
