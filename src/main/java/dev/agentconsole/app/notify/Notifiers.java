package dev.agentconsole.app.notify;

import dev.agentconsole.ui.workspace.Notifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Picks this desktop's notifications: the freedesktop service over the session D-Bus where there
 * is a session bus (Linux, the BSDs), the system tray on Windows and macOS, otherwise none.
 * Nothing is connected or loaded here: each notifier starts on its first {@code show}.
 */
public final class Notifiers {

    /** {@code AGENT_CONSOLE_NOTIFICATIONS=off} (or 0, false, no): no desktop notifications at all. */
    public static final String SWITCH = "AGENT_CONSOLE_NOTIFICATIONS";
    private static final Set<String> OFF = Set.of("off", "0", "false", "no");

    /** What {@link #choose} decided; {@code busAddress} only for {@link Kind#DBUS}. */
    record Choice(Kind kind, String busAddress) {
    }

    enum Kind { DBUS, TRAY, NONE }

    private Notifiers() {
    }

    /**
     * The notifier for this machine.
     *
     * @param env the process environment ({@code System.getenv()})
     */
    public static Notifier forThisDesktop(Map<String, String> env) {
        Choice choice = choose(env, System.getProperty("os.name", ""),
                Boolean.getBoolean("java.awt.headless"), Files::exists, currentUid());
        return switch (choice.kind()) {
            case DBUS -> DbusNotifier.forAddress(choice.busAddress());
            case TRAY -> new TrayNotifier();
            case NONE -> Notifier.NONE;
        };
    }

    /**
     * The decision, from what the process sees. A session bus is named by
     * {@code DBUS_SESSION_BUS_ADDRESS}, or else is the per-user socket that libdbus and sd-bus
     * also look for: {@code $XDG_RUNTIME_DIR/bus}, else {@code /run/user/UID/bus}.
     */
    static Choice choose(Map<String, String> env, String osName, boolean headless, Predicate<Path> exists,
            String uid) {
        String wanted = env.getOrDefault(SWITCH, "").strip().toLowerCase(Locale.ROOT);
        if (OFF.contains(wanted)) {
            return new Choice(Kind.NONE, null);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            // macOS and Windows have no session bus to speak of; AWT's tray needs a display.
            return new Choice(headless ? Kind.NONE : Kind.TRAY, null);
        }
        String address = env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").strip();
        if (!address.isEmpty()) {
            return new Choice(Kind.DBUS, address);
        }
        String runtimeDir = env.getOrDefault("XDG_RUNTIME_DIR", "").strip();
        Path socket = !runtimeDir.isEmpty() ? Path.of(runtimeDir, "bus")
                : uid != null ? Path.of("/run/user", uid, "bus") : null;
        if (socket != null && exists.test(socket)) {
            return new Choice(Kind.DBUS, "unix:path=" + escapeAddressValue(socket.toString()));
        }
        return new Choice(Kind.NONE, null);
    }

    /** D-Bus address values escape every byte outside a small safe set as %XX (spec: "Server Addresses"). */
    static String escapeAddressValue(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_/.\\*".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02x", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The process's uid from /proc (Linux); null where it cannot be read. */
    private static String currentUid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
