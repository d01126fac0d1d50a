package dev.agentconsole.ui.connect;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.store.Store;
import java.util.Optional;

/** How the window gets a backend for a provider; the app's composition root implements it. */
public interface Connector {

    /**
     * A backend for the provider (no network yet). {@code token} is the window's masked field,
     * used when the environment has none.
     *
     * @throws dev.agentconsole.agent.InvalidInputException with a specific message when it cannot
     */
    AgentBackend open(Provider provider, Optional<String> baseUrl, Optional<String> token);

    /** The environment already holds a key for this provider (so the token field is not needed). */
    boolean hasEnvironmentToken(Provider provider);

    String defaultBaseUrl(Provider provider);

    /** The task a new demo session starts with. */
    String demoTask();

    /** Where outbox, drafts and history are kept. */
    Store store();

    /** The folder the store lives in (shown in About). */
    java.nio.file.Path dataFolder();

    /** The profiles to pick from, the Demo first; reads files and the keychain: off the FX thread. */
    default java.util.List<ConnectProfile> profileChoices() {
        return java.util.List.of();
    }

    /**
     * A backend for a profile (no network yet): the base URL given (the profile's, or one edited in the form),
     * its key from the environment, the keychain or {@code typedKey}, sent to the profile's hosts only.
     *
     * @throws dev.agentconsole.agent.InvalidInputException with a specific message when it cannot
     */
    default AgentBackend open(ConnectProfile profile, Optional<String> baseUrl, Optional<String> typedKey) {
        return open(profile.provider(), baseUrl, typedKey);
    }

    /** Keeps a key typed for a profile in the OS keychain; blocks. Empty when kept, else why it could not be. */
    default Optional<String> rememberKey(String profile, String key) {
        return Optional.of("no keychain in this console");
    }
}
