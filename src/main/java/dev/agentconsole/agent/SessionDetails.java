package dev.agentconsole.agent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the provider tells about one session beyond its events: who runs it, when it started
 * and ended, what it used and cost, and the sessions it spawned. Parts a provider does not report
 * are empty (AGI: no usage, no cost, no subagents).
 *
 * @param usage per model, in the order the server listed them
 * @param subagents the sessions this one delegated to (H {@code subagent_session_ids})
 */
public record SessionDetails(SessionId id, String agent, Optional<Instant> createdAt, Optional<Instant> startedAt,
                             Optional<Instant> finishedAt, SessionSnapshot snapshot, List<ModelUsage> usage,
                             Cost cost, List<SessionId> subagents) {

    public SessionDetails {
        usage = List.copyOf(usage);
        subagents = List.copyOf(subagents);
    }

    /**
     * Tokens one model used and, where the server priced them, what they cost (USD, exactly as the
     * server wrote them).
     */
    public record ModelUsage(String model, long inputTokens, long outputTokens, long reasoningTokens, Cost cost) {}

    /** A cost in USD split the way H splits it; a part is empty when the server did not price it. */
    public record Cost(Optional<BigDecimal> input, Optional<BigDecimal> output, Optional<BigDecimal> reasoning,
                       Optional<BigDecimal> total) {
        public static final Cost UNKNOWN = new Cost(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public boolean isKnown() {
            return input.isPresent() || output.isPresent() || reasoning.isPresent() || total.isPresent();
        }
    }
}
