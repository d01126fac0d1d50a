package dev.agentconsole.agent;

import java.time.Instant;
import java.util.Optional;

/**
 * A session as the provider describes it.
 *
 * @param liveViewUrl H {@code agent_view_url}, AGI {@code vnc_url}
 * @param latestAnswer H's most recent answer, as text (pretty JSON when structured)
 */
public record SessionInfo(SessionId id, String agent, SessionSnapshot snapshot,
                          Optional<String> liveViewUrl, Optional<String> latestAnswer,
                          Optional<Instant> createdAt) {}
