package dev.agentconsole.agent;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A session id as both APIs spell it: a UUID in its canonical 8-4-4-4-12 hex form. */
public record SessionId(String value) {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public SessionId {
        Objects.requireNonNull(value, "value");
        if (!UUID_FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(problemWith(value));
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /** Parses text the operator pasted: surrounding spaces are forgiven, anything else is not. */
    public static SessionId parse(String text) {
        return new SessionId(text == null ? "" : text.strip());
    }

    public static boolean isValid(String text) {
        return text != null && UUID_FORM.matcher(text.strip()).matches();
    }

    /** A specific reason why {@code text} is not a session id, or {@code null} when it is one. */
    public static String problemWith(String text) {
        if (text == null || text.isBlank()) {
            return "session id is empty: expected a UUID such as 3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b";
        }
        String t = text.strip();
        if (UUID_FORM.matcher(t).matches()) {
            return null;
        }
        String shown = t.length() > 60 ? t.substring(0, 57) + "..." : t;
        if (t.replace("-", "").length() != 32 || t.length() != 36) {
            return "session id '" + shown + "' is not a UUID: expected 36 characters in the form "
                    + "8-4-4-4-12, got " + t.length();
        }
        return "session id '" + shown + "' is not a UUID: only hex digits 0-9, a-f and dashes at "
                + "positions 9, 14, 19 and 24 are allowed";
    }

    @Override
    public String toString() {
        return value;
    }
}
