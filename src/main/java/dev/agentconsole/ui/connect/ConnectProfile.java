package dev.agentconsole.ui.connect;

import dev.agentconsole.agent.Provider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile as the connect form offers it: where it goes, what it starts with, the hosts its key
 * may go to, its colour, and where its key would come from (never the key itself).
 *
 * @param colour    one of the palette's ids ("gray", "blue", "green", "amber", "red", "purple")
 * @param keyOrigin "env HAI_API_KEY", "keychain", "missing", "not needed" or "keychain unavailable"
 */
public record ConnectProfile(String name, Provider provider, String baseUrl, Optional<String> agent, Optional<String> callerId,
                             List<String> hosts, String colour, String keyOrigin) {

    public ConnectProfile {
        Objects.requireNonNull(name, "name");
        hosts = List.copyOf(hosts);
    }

    public boolean isDemo() {
        return provider == Provider.DEMO;
    }

    /** No key in the environment or the keychain: the form asks for one. */
    public boolean keyMissing() {
        return keyOrigin.equals("missing") || keyOrigin.equals("keychain unavailable");
    }

    /** The environment variable its key comes from, when one is set (it wins over the keychain). */
    public Optional<String> environmentVariable() {
        return keyOrigin.startsWith("env ") ? Optional.of(keyOrigin.substring(4)) : Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
