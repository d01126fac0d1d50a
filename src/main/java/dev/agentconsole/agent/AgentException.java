package dev.agentconsole.agent;

import java.util.Objects;

/** Carries an {@link AgentError} out of a blocking call. Its message is the error's summary. */
public final class AgentException extends RuntimeException {

    private final transient AgentError error;

    public AgentException(AgentError error) {
        super(Objects.requireNonNull(error, "error").summary());
        this.error = error;
    }

    public AgentError error() {
        return error;
    }
}
