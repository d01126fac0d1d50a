package dev.agentconsole.app.profiles;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The colour a profile's sessions are marked with in the session bar and the sidebar, from a small
 * palette the theme can draw in light and dark alike (so a production session never looks like the
 * demo). The name is what the file and the command line use.
 */
public enum ProfileColour {
    GRAY, BLUE, GREEN, AMBER, RED, PURPLE;

    /** As written in profiles.json and on the command line: {@code "amber"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The colour a profile gets when none is chosen: gray for the demo, blue for H, purple for AGI. */
    public static ProfileColour defaultFor(Provider provider) {
        return switch (provider) {
            case DEMO -> GRAY;
            case HCOMPANY -> BLUE;
            case AGI -> PURPLE;
        };
    }

    /** {@code "red"} (any case; "grey" too) to {@link #RED}; a message naming the palette otherwise. */
    public static ProfileColour parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("grey")) {
            return GRAY;
        }
        for (ProfileColour c : values()) {
            if (c.id().equals(t)) {
                return c;
            }
        }
        throw new InvalidInputException("unknown colour '" + text + "': use one of " + palette());
    }

    /** "gray, blue, green, amber, red or purple". */
    public static String palette() {
        String all = Arrays.stream(values()).map(ProfileColour::id).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    @Override
    public String toString() {
        return id();
    }
}
