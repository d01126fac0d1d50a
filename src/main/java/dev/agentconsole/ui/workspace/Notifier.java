package dev.agentconsole.ui.workspace;

import java.util.function.Consumer;

/**
 * The desktop's notifications, as the workspace sees them: it decides when a session needs the
 * operator and says so here; the app picks the implementation (D-Bus on Linux, the AWT tray
 * elsewhere, or none). Implementations never throw and never block the caller for long: a missing
 * notification service means no notification, nothing more.
 */
public interface Notifier extends AutoCloseable {

    /**
     * Shows a notification for one session, replacing the one it showed before, if any.
     *
     * @param sessionRef an opaque reference the workspace gives back to {@link #onClicked}'s handler;
     *                   never shown to anyone
     * @param title      short, e.g. "An agent is waiting for you"; no ids, no keys
     * @param body       the session's title and what it waits for; no ids, no keys
     */
    void show(String sessionRef, String title, String body);

    /** Takes the session's notification back (the operator answered in the window). */
    void withdraw(String sessionRef);

    /** What a click on a notification does: called with its session ref, on any thread. */
    void onClicked(Consumer<String> handler);

    /** Lets go of the desktop's service. */
    @Override
    void close();

    /** No notifications at all (no service, or tests). */
    Notifier NONE = new Notifier() {
        @Override
        public void show(String sessionRef, String title, String body) {
        }

        @Override
        public void withdraw(String sessionRef) {
        }

        @Override
        public void onClicked(Consumer<String> handler) {
        }

        @Override
        public void close() {
        }
    };
}
