package dev.agentconsole.agent.http;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer token. It never prints itself: {@link #toString()} is redacted so that a token cannot
 * reach a log line, an exception message or a transcript by accident.
 */
public final class ApiToken {

    public static final String REDACTED = "‹redacted›";

    private final String value;
    private volatile Redaction redaction;

    public ApiToken(String value) {
        this(value, "the API key");
    }

    /**
     * @param source how the operator knows where the key came from ({@code HAI_API_KEY}, "the key
     *               field"), for the sentence that says what is wrong with it
     * @throws InvalidInputException when the key cannot go in a header: it names the source, the
     *                               kind of character and where, never the key
     */
    public ApiToken(String value, String source) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
        this.value = value.strip();
        problemWith(this.value).ifPresent(p -> {
            throw new InvalidInputException(source + " has " + p + ": copy the key again, without it");
        });
    }

    /** The first of the provider's variables that is set and not blank. */
    public static Optional<ApiToken> fromEnvironment(Provider provider, Map<String, String> env) {
        for (String name : provider.tokenVariables()) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(new ApiToken(v, name));
            }
        }
        return Optional.empty();
    }

    /** One of the provider's variables is set, usable or not (what is wrong with it is said on use). */
    public static boolean isSetIn(Provider provider, Map<String, String> env) {
        return provider.tokenVariables().stream().map(env::get).anyMatch(v -> v != null && !v.isBlank());
    }

    /**
     * A bearer key is visible ASCII: anything else either breaks the header (a line break would
     * start a new one) or was never part of the key (a look-alike or invisible character from a
     * formatted document). Positions count from 1.
     */
    public static Optional<String> problemWith(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                continue;
            }
            String what = switch (c) {
                case '\n', '\r' -> "a line break";
                case ' ' -> "a space";
                case '\t' -> "a tab";
                default -> c < 0x20 || c == 0x7f ? "a control character" : "a character that is not ASCII";
            };
            return Optional.of(what + " at character " + (i + 1));
        }
        return Optional.empty();
    }

    /** Only for the {@code Authorization} header. */
    String reveal() {
        return value;
    }

    public String authorizationHeader() {
        return "Bearer " + value;
    }

    /** Every form of this token a server could echo, for redacting decoded answers. */
    public Redaction redaction() {
        Redaction r = redaction;
        if (r == null) {
            r = Redaction.of(value);
            redaction = r;
        }
        return r;
    }

    /** Replaces every occurrence of this token in {@code text}. */
    public String redactFrom(String text) {
        return text == null ? null : text.replace(value, REDACTED);
    }

    @Override
    public String toString() {
        return "ApiToken[" + REDACTED + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiToken t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
