package dev.agentconsole.agent;

import java.util.Locale;

/**
 * The union of both APIs' session states. Unknown wire values map to {@link #UNKNOWN} (the raw
 * text is kept next to it in {@link SessionSnapshot}), never to an exception.
 */
public enum AgentStatus {
    QUEUED, PENDING, INITIALIZING, READY, RUNNING, PAUSED,
    /** H: answered and waiting for the operator (H has no question type; idle plays that role). */
    IDLE,
    AWAITING_TOOL_RESULTS,
    /** AGI: the agent asked a question and waits for an answer. */
    WAITING_FOR_INPUT,
    COMPLETED, FINISHED, FAILED, ERROR, TIMED_OUT, INTERRUPTED, TERMINATED,
    UNKNOWN;

    public static AgentStatus fromWire(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }

    /** The session will not move again without the operator. */
    public boolean isTerminal() {
        return switch (this) {
            case COMPLETED, FINISHED, FAILED, ERROR, TIMED_OUT, INTERRUPTED, TERMINATED -> true;
            default -> false;
        };
    }

    /**
     * Nothing more will happen until the operator acts: the right moment to stop watching (a paused
     * agent takes no step until it is resumed).
     */
    public boolean isSettled() {
        return isTerminal() || needsOperator() || this == READY || this == PAUSED;
    }

    /**
     * The agent waits for the operator: an answer given (H idle), a question asked (AGI), or tool
     * results asked for, which this console does not produce (it runs no tools), so only the
     * operator can move the session on (a message, or Stop).
     */
    public boolean needsOperator() {
        return this == IDLE || this == WAITING_FOR_INPUT || this == AWAITING_TOOL_RESULTS;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
