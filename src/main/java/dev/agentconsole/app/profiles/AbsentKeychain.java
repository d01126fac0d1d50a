package dev.agentconsole.app.profiles;

import java.util.Optional;

/**
 * SEAM (keychain): stands in for the OS keychain until {@code app/keys} lands: it holds no key, so
 * a profile's key comes from the environment or is missing. The merge replaces the one place that
 * makes it, {@code Services}' constructor, with the keychain's {@link KeySource}; then this class goes.
 */
public final class AbsentKeychain implements KeySource {

    @Override
    public Optional<String> keyFor(String profileName) {
        return Optional.empty();
    }
}
