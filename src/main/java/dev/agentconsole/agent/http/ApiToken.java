package dev.agentconsole.agent.http;

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
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
        this.value = value.strip();
        problemWith(this.value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** The first of the provider's variables that is set and not blank. */
    public static Optional<ApiToken> fromEnvironment(Provider provider, Map<String, String> env) {
        for (String name : provider.tokenVariables()) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(new ApiToken(v));
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code key} cannot be a key, or empty: it travels in an HTTP header, which takes one line of
     * printable ASCII (a pasted line break or a look-alike letter would fail every request, or worse,
     * split the header). The message never contains the key.
     */
    public static Optional<String> problemWith(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\n' || c == '\r') {
                return Optional.of("the API key has a line break at character " + (i + 1) + ": a key is one line");
            }
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("the API key has a control character at character " + (i + 1));
            }
            if (c > 0x7e) {
                return Optional.of("the API key has a character that is not plain ASCII at character " + (i + 1)
                        + " (a look-alike letter, or a space that is not a space?)");
            }
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
