package dev.agentconsole.ui.workspace;

import dev.agentconsole.store.SessionKey;
import dev.agentconsole.ui.session.SessionViewModel;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The session the command line names, held in the window before the saved set is read or anything binds it
 * ({@link WorkspaceViewModel#reserve}), so that its view is built with the window's, off the FX thread. Until
 * taken it counts as not open: it binds as it would have without being held. The UI thread only.
 */
final class NamedAtStart {

    private SessionViewModel held;

    void hold(SessionViewModel s) {
        held = s;
    }

    boolean holds(SessionViewModel s) {
        return s != null && s == held;
    }

    /** It left the window. */
    void forget(SessionViewModel s) {
        if (s == held) {
            held = null;
        }
    }

    /**
     * The held session when it is this one (same key and base URL), no longer held from now on. One held with
     * this key but another base URL is another session: {@code letGo} takes it out. Empty for any other key.
     */
    Optional<SessionViewModel> take(SessionKey key, String baseUrl, Consumer<SessionViewModel> letGo) {
        SessionViewModel s = held;
        if (s == null || !s.key().equals(key)) {
            return Optional.empty();
        }
        held = null;
        if (s.baseUrl().equals(baseUrl)) {
            return Optional.of(s);
        }
        letGo.accept(s);
        return Optional.empty();
    }
}
