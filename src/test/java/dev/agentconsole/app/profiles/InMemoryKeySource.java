package dev.agentconsole.app.profiles;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys kept in memory by profile name (whatever its case): the keychain, for tests. */
public final class InMemoryKeySource implements KeySource {

    private final Map<String, String> keys = new ConcurrentHashMap<>();

    public InMemoryKeySource put(String profileName, String key) {
        keys.put(profileName.toLowerCase(Locale.ROOT), key);
        return this;
    }

    @Override
    public Optional<String> keyFor(String profileName) {
        return Optional.ofNullable(keys.get(profileName.toLowerCase(Locale.ROOT)));
    }
}
