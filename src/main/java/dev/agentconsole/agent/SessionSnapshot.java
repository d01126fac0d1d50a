package dev.agentconsole.agent;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the provider says about a session right now ({@code /status} on H, execution and lifecycle
 * status on AGI). Optional parts are empty when the provider does not report them.
 *
 * @param rawStatus the wire value, kept so an unknown state can still be shown as the server said it
 */
public record SessionSnapshot(
        AgentStatus status,
        String rawStatus,
        Optional<Integer> steps,
        Optional<BigDecimal> costUsd,
        Optional<String> error,
        Optional<String> errorCode,
        Optional<String> outcome) {

    public static SessionSnapshot of(String rawStatus) {
        return new SessionSnapshot(AgentStatus.fromWire(rawStatus), rawStatus, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The label an operator reads: the raw value when it is one we do not know. */
    public String statusLabel() {
        return status == AgentStatus.UNKNOWN && rawStatus != null ? rawStatus : status.label();
    }
}
