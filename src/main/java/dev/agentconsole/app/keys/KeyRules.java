package dev.agentconsole.app.keys;

import dev.agentconsole.agent.http.ApiToken;
import java.util.Optional;

/**
 * What a profile name and a key must be before either goes near a keychain. Every sentence says
 * what is wrong and where, never the key itself.
 */
public final class KeyRules {

    /** Longer than any API key; Windows' Credential Manager holds at most 2,560 bytes (1,280 UTF-16 characters). */
    public static final int MAX_KEY_LENGTH = 1000;
    public static final int MAX_PROFILE_LENGTH = 40;

    private KeyRules() {
    }

    /**
     * A profile name is 1 to 40 characters: ASCII letters and digits, space, '-', '_' and '.', not
     * starting or ending with a space. ASCII, because Windows' Credential Manager is reached
     * through its ANSI functions (java-keyring's {@code CredReadA}), which would mangle the rest.
     */
    public static Optional<String> problemWithProfile(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the profile name is empty");
        }
        if (name.length() > MAX_PROFILE_LENGTH) {
            return Optional.of("the profile name is " + name.length() + " characters long: at most " + MAX_PROFILE_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ' ' || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                return Optional.of("the profile name has " + describe(c) + " at character " + (i + 1)
                        + ": only letters and digits (ASCII), space, '-', '_' and '.' are allowed");
            }
        }
        if (name.charAt(0) == ' ' || name.charAt(name.length() - 1) == ' ') {
            return Optional.of("the profile name starts or ends with a space");
        }
        return Optional.empty();
    }

    /**
     * A key is what {@link ApiToken} accepts (visible ASCII: no space, line break, tab, other
     * control character or non-ASCII character), not empty and at most {@value #MAX_KEY_LENGTH}
     * characters. It is checked as given: white space around it is the caller's to drop.
     */
    public static Optional<String> problemWithKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("the key is empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return Optional.of("the key is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return ApiToken.problemWith(key).map(p -> "the key has " + p);
    }

    /** A character named so that a name's other characters (maybe a key pasted in the wrong place) are not repeated. */
    private static String describe(char c) {
        if (c < 0x20 || c == 0x7f) {
            return "a control character";
        }
        if (c > 0x7e) {
            return "a character that is not ASCII";
        }
        return "'" + c + "'";
    }
}
