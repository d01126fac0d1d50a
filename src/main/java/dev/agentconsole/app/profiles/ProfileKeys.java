package dev.agentconsole.app.profiles;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.http.ApiToken;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile's key and where it comes from. The environment wins (the provider's variables in
 * order, as {@link ApiToken#fromEnvironment} reads them: {@code HAI_API_KEY}, else {@code H_API_KEY};
 * {@code AGI_API_KEY}), then the keychain's entry for the profile. The Demo needs none. A key is
 * only ever held as an {@link ApiToken}, which never prints itself.
 */
public final class ProfileKeys {

    /** Where a key comes from, or that there is none. */
    public enum Kind { ENVIRONMENT, KEYCHAIN, MISSING, NOT_NEEDED, KEYCHAIN_UNAVAILABLE }

    /**
     * @param variable the environment variable, for {@link Kind#ENVIRONMENT}
     */
    public record Origin(Kind kind, Optional<String> variable) {
        public static final Origin KEYCHAIN = new Origin(Kind.KEYCHAIN, Optional.empty());
        public static final Origin MISSING = new Origin(Kind.MISSING, Optional.empty());
        public static final Origin NOT_NEEDED = new Origin(Kind.NOT_NEEDED, Optional.empty());
        public static final Origin KEYCHAIN_UNAVAILABLE = new Origin(Kind.KEYCHAIN_UNAVAILABLE, Optional.empty());

        public static Origin environment(String variable) {
            return new Origin(Kind.ENVIRONMENT, Optional.of(variable));
        }

        /** "env HAI_API_KEY", "keychain", "missing", "not needed", "keychain unavailable". */
        public String label() {
            return switch (kind) {
                case ENVIRONMENT -> "env " + variable.orElseThrow();
                case KEYCHAIN -> "keychain";
                case MISSING -> "missing";
                case NOT_NEEDED -> "not needed";
                case KEYCHAIN_UNAVAILABLE -> "keychain unavailable";
            };
        }
    }

    /** A key found, and where. */
    public record Found(ApiToken token, Origin origin) {}

    private final Map<String, String> environment;
    private final KeySource keychain;

    public ProfileKeys(Map<String, String> environment, KeySource keychain) {
        this.environment = Map.copyOf(environment);
        this.keychain = Objects.requireNonNull(keychain, "keychain");
    }

    /**
     * Where the profile's key would come from, without checking the key itself (for a list: a key
     * with a bad character is reported when it is used). The keychain is asked whether it holds one.
     */
    public Origin originOf(Profile profile) {
        if (profile.isDemo()) {
            return Origin.NOT_NEEDED;
        }
        Optional<String> variable = variableSet(profile.provider());
        if (variable.isPresent()) {
            return Origin.environment(variable.get());
        }
        try {
            return keychain.keyFor(profile.name()).filter(k -> !k.isBlank()).isPresent() ? Origin.KEYCHAIN : Origin.MISSING;
        } catch (RuntimeException e) {
            System.getLogger("profiles").log(System.Logger.Level.DEBUG, "the keychain did not answer: " + e.getClass().getName());
            return Origin.KEYCHAIN_UNAVAILABLE;
        }
    }

    /**
     * The profile's key: the environment's first, then the keychain's; empty when neither holds one
     * (and for the Demo, which needs none).
     *
     * @throws dev.agentconsole.agent.InvalidInputException when the key cannot go in a header: it names
     *         the variable or the profile's keychain entry and what is wrong, never the key
     */
    public Optional<Found> keyFor(Profile profile) {
        if (profile.isDemo()) {
            return Optional.empty();
        }
        Optional<String> variable = variableSet(profile.provider());
        if (variable.isPresent()) {
            return Optional.of(new Found(new ApiToken(environment.get(variable.get()), variable.get()),
                    Origin.environment(variable.get())));
        }
        return keychain.keyFor(profile.name()).filter(k -> !k.isBlank()).map(k -> new Found(
                new ApiToken(k, "the keychain's key for profile '" + profile.name() + "'"), Origin.KEYCHAIN));
    }

    /**
     * The environment variable the profile's key comes from, when one is set: it wins over the
     * keychain, and the window and the command line say so. The keychain is not asked.
     */
    public Optional<String> environmentVariable(Profile profile) {
        return profile.isDemo() ? Optional.empty() : variableSet(profile.provider());
    }

    /** The first of the provider's variables that is set and not blank. */
    private Optional<String> variableSet(Provider provider) {
        return provider.tokenVariables().stream().filter(v -> {
            String value = environment.get(v);
            return value != null && !value.isBlank();
        }).findFirst();
    }
}
