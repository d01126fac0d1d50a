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
}
