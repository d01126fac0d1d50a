package dev.agentconsole.agent;

/**
 * The operator's input breaks the provider's rules and was refused before the wire: nothing was
 * sent. The message says what is wrong and by how much.
 */
public final class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String problem) {
        super(problem);
    }
}
