package dev.agentconsole.agent;

import java.time.Instant;
import java.util.Optional;

/** One row of the provider's session list. */
public record SessionSummary(SessionId id, String agent, AgentStatus status, String rawStatus,
                             Optional<String> firstMessage, Optional<Instant> createdAt) {}
