package dev.agentconsole.app.notify;

import dev.agentconsole.app.dbus.SessionBus;
import dev.agentconsole.ui.workspace.Notifier;
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
                Boolean.getBoolean("java.awt.headless"), Files::exists, SessionBus.currentUid());
        return switch (choice.kind()) {
            case DBUS -> DbusNotifier.forAddress(choice.busAddress());
            case TRAY -> new TrayNotifier();
            case NONE -> Notifier.NONE;
        };
    }

    /**
     * The decision, from what the process sees; where the session bus is: {@link SessionBus}.
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
        String address = SessionBus.address(env, exists, uid);
        if (address != null) {
            return new Choice(Kind.DBUS, address);
        }
        return new Choice(Kind.NONE, null);
    }
}
