package dev.agentconsole.store;

import dev.agentconsole.agent.Provider;
import java.util.Objects;

/**
 * Where a session's records are filed: the provider and the session's id (ids are unique per
 * provider; the base URL is kept beside them, since a demo's emulator changes port every run).
 * {@link #UNBOUND} files what the operator types before a session is bound.
 */
public record SessionKey(String provider, String sessionId) {

    public static final SessionKey UNBOUND = new SessionKey("", "");

    public SessionKey {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    public static SessionKey of(Provider provider, String sessionId) {
        return new SessionKey(provider.cliName(), sessionId);
    }
}
