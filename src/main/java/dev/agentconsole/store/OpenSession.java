package dev.agentconsole.store;

import java.util.Objects;

/**
 * One session open in the window, as saved for the next start.
 *
 * @param baseUrl where it lives ("" for the demo and the provider's default)
 * @param title   the title the operator gave it ("" when they gave none)
 * @param muted   its desktop notifications are off
 * @param front   it was the one in front
 * @param profile the profile it was opened with ("" for none), and its colour
 */
public record OpenSession(SessionKey key, String baseUrl, String title, boolean muted, boolean front, String profile,
                          String colour) {

    public OpenSession {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(colour, "colour");
    }
}
