package dev.agentconsole.agent;

import java.time.Instant;
import java.util.Optional;

/**
 * What the account may still start and spend (H {@code /api/v2/sessions/quota} and
 * {@code /api/v2/quota/tokens}). Blocks; never call it on the FX thread.
 */
@FunctionalInterface
public interface Quota {

    /**
     * Reads both limits. A limit the server does not answer for is empty; when it answers for
     * neither, the first failure is thrown as an {@link AgentException}.
     */
    Reading read();

    record Reading(Optional<SessionSlots> sessions, Optional<TokenBudget> tokens) {}

    /** Concurrent sessions: {@code available} more may run now. {@code scope} is "user" or "org". */
    record SessionSlots(String scope, long limit, long active, long available) {}

    /** The organisation's token budget in the current window; empty parts mean no limit is set. */
    record TokenBudget(Optional<Long> limit, Optional<Long> used, Optional<Long> remaining,
                       Optional<Instant> windowStart, Optional<Instant> windowEnd) {}
}
