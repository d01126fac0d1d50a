package dev.agentconsole.agent.http;

import dev.agentconsole.agent.AgentError;
import java.io.IOException;

/**
 * A request was stopped before it could carry the API key to {@link #host()}, a host outside the
 * endpoint's hosts (or plain http off this machine): nothing was written to that host. The message
 * names the host and the allowed ones, never the key.
 */
public final class KeyWithheldException extends IOException {

    private final String host;
    private final int redirectStatus;

    KeyWithheldException(String host, int redirectStatus, String message) {
        super(message);
        this.host = host;
        this.redirectStatus = redirectStatus;
    }

    /** The host that did not get the key (or the request). */
    public String host() {
        return host;
    }

    /** The status of the redirect that pointed there, or 0 when the request itself was bound there. */
    public int redirectStatus() {
        return redirectStatus;
    }

    /** As the callers show failures. */
    public AgentError error() {
        return new AgentError.KeyWithheld(host, getMessage());
    }
}
