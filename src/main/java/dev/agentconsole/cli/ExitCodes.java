package dev.agentconsole.cli;

import dev.agentconsole.agent.AgentError;

/** The CLI's exit codes, as the README documents them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something went wrong inside the console itself. */
    public static final int INTERNAL = 1;
    /** Bad input: nothing was sent. */
    public static final int BAD_INPUT = 2;
    /** The server answered and refused (4xx). */
    public static final int REFUSED = 3;
    /** No answer: could not connect, the server was unavailable or busy (429) after retries, or the send is uncertain. */
    public static final int NETWORK = 4;
    /** No keychain to keep a key in ({@code key set}, {@code key remove}), or the keychain refused: nothing was changed. */
    public static final int NO_KEYCHAIN = 5;
    /** Interrupted (Ctrl+C). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    public static int of(AgentError error) {
        if (error instanceof AgentError.BatchStopped stopped) {
            return of(stopped.cause());
        }
        if (error instanceof AgentError.Network || error instanceof AgentError.Uncertain || error instanceof AgentError.NoAnswer
                || error instanceof AgentError.Unavailable || error instanceof AgentError.RateLimited) {
            return NETWORK;
        }
        return REFUSED;
    }
}
