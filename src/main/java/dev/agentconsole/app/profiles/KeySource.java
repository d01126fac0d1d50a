package dev.agentconsole.app.profiles;

import java.util.Optional;

/**
 * Where a profile's key is kept when the environment holds none: the OS keychain (the app hands in
 * {@code app/keys}' store; tests their own). A key read here is handed to {@link dev.agentconsole.agent.http.ApiToken}
 * at once and never printed, logged or written anywhere else.
 */
@FunctionalInterface
public interface KeySource {

    /**
     * The key stored for the profile with this name (as {@link Profile#name()} spells it; profile
     * names are told apart whatever their case), or empty when there is none.
     */
    Optional<String> keyFor(String profileName);
}
