package dev.agentconsole.ui.workspace;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.store.OpenSession;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.ui.connect.Connector;
import dev.agentconsole.ui.session.SessionContext;
import dev.agentconsole.ui.session.SessionViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The window's set of sessions as the store keeps it for the next start (order, titles, mutes, the
 * one in front), and binding a session again from its own provider and place with the key at hand:
 * the environment's, one typed for a waiting session, or the connect form's. Keys stay in memory.
 * Toolkit-free; the UI thread only.
 */
final class OpenSet {

    private final WorkspaceViewModel workspace;
    private final Opening opening;
    private final Connector connector;
    private final SessionContext ctx;
    /** Keys typed for sessions that waited for one, per provider; never written anywhere. */
    private final Map<Provider, String> typedKeys = new EnumMap<>(Provider.class);
    /** False until the saved set is read back: nothing is saved over it meanwhile. */
    private boolean restored;

    OpenSet(WorkspaceViewModel workspace, Opening opening, Connector connector, SessionContext ctx) {
        this.workspace = workspace;
        this.opening = opening;
        this.connector = connector;
        this.ctx = ctx;
    }

    /**
     * Opens what the last run left open, in its order. Demo sessions are not kept (their emulator ended with
     * the console that ran it); a session already open here takes its saved place and title, and those not in the
     * saved set (the one the command line named, say) come after it.
     *
     * @param named the session the options name: added, but left for the caller to bind
     * @param then  called on the UI thread once the saved set is back (with how many came back)
     */
    void restore(Optional<SessionKey> named, IntConsumer then) {
        ctx.io().execute(() -> {
            List<OpenSession> saved;
            try {
                saved = connector.store().workspace();
            } catch (RuntimeException e) {
                saved = List.of();
            }
            List<OpenSession> open = saved;
            ctx.ui().execute(() -> {
                SessionViewModel wasInFront = workspace.front();
                SessionViewModel inFront = null;
                List<SessionViewModel> inOrder = new ArrayList<>();
                for (OpenSession o : open) {
                    Optional<Provider> p = knownProvider(o.key().provider());
                    if (p.isEmpty() || p.get() == Provider.DEMO || SessionId.problemWith(o.key().sessionId()) != null) {
                        continue;
                    }
                    Optional<SessionViewModel> already = workspace.find(o.key()).filter(s -> !opening.isReserved(s));
                    SessionViewModel s;
                    if (already.isPresent()) {
                        s = already.get();
                        workspace.adopt(s, o.title(), o.muted());
                    } else {
                        s = opening.addSaved(p.get(), SessionId.parse(o.key().sessionId()), o.baseUrl(), o.title(), o.muted());
                        s.title().markProfile(o.profile(), o.colour());
                        if (named.filter(o.key()::equals).isEmpty()) {
                            reconnect(s);
                        }
                    }
                    if (o.front()) {
                        inFront = s;
                    }
                    inOrder.add(s);
                }
                // the saved set in its order, then those not in it (the one the command line named, say) as they were
                List<SessionViewModel> order = new ArrayList<>(inOrder.stream().filter(workspace.sessions()::contains).distinct().toList());
                workspace.sessions().stream().filter(s -> !order.contains(s)).forEach(order::add);
                workspace.reorder(order);
                restored = true;
                if (wasInFront != null && workspace.sessions().contains(wasInFront)) {
                    workspace.bringForward(wasInFront);
                } else if (inFront != null || !workspace.sessions().isEmpty()) {
                    workspace.bringForward(inFront != null ? inFront : workspace.sessions().get(0));
                }
                save();
                then.accept(open.size());
            });
        });
    }

    private static Optional<Provider> knownProvider(String name) {
        try {
            return Optional.of(Provider.fromCli(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty(); // written by a newer console: left out, never a failed start
        }
    }

    void keyTyped(Provider p, String key) {
        typedKeys.put(p, key);
    }

    /** Binds the session again from its own provider and place: with a key at hand, or it waits for one. */
    void reconnect(SessionViewModel s) {
        Provider p = s.provider();
        Optional<String> key = Optional.ofNullable(typedKeys.get(p)).or(() -> workspace.form().providerProperty().get() == p
                ? Optional.ofNullable(workspace.form().tokenProperty().get()).filter(t -> !t.isBlank()) : Optional.empty());
        String profileName = s.title().profileProperty().get();
        if (!profileName.isEmpty()) {
            reconnectWithProfile(s, profileName, key);
            return;
        }
        if (p != Provider.DEMO && !connector.hasEnvironmentToken(p) && key.isEmpty()) {
            s.showWaiting("No API key for " + p.displayName() + ": type it in below and press Connect");
            return;
        }
        Optional<String> url = s.baseUrl().isBlank() ? Optional.empty() : Optional.of(s.baseUrl());
        ctx.io().execute(() -> {
            try {
                AgentBackend backend = connector.open(p, url, key);
                ctx.ui().execute(() -> {
                    if (workspace.sessions().contains(s)) {
                        s.attach(backend);
                    } else {
                        backend.close();
                    }
                });
            } catch (RuntimeException e) {
                ctx.ui().execute(() -> s.bindingFailed(e.getMessage()));
            }
        });
    }

    /** Through the profile it was opened with: its hosts, and its key from the environment or the keychain. */
    private void reconnectWithProfile(SessionViewModel s, String name, Optional<String> typed) {
        Optional<String> url = s.baseUrl().isBlank() ? Optional.empty() : Optional.of(s.baseUrl());
        ctx.io().execute(() -> {
            try {
                Optional<dev.agentconsole.ui.connect.ConnectProfile> profile = connector.profileChoices().stream()
                        .filter(c -> c.name().equalsIgnoreCase(name) && c.provider() == s.provider()).findFirst();
                if (profile.isEmpty()) {
                    ctx.ui().execute(() -> s.bindingFailed("the profile '" + name + "' is gone (see: agent-console profile list)"));
                    return;
                }
                if (profile.get().keyMissing() && typed.isEmpty()) {
                    ctx.ui().execute(() -> s.showWaiting("No API key for the profile " + name + ": type it in below and press Connect"));
                    return;
                }
                AgentBackend backend = connector.open(profile.get(), url, typed);
                ctx.ui().execute(() -> {
                    if (workspace.sessions().contains(s)) {
                        s.attach(backend);
                    } else {
                        backend.close();
                    }
                });
            } catch (RuntimeException e) {
                ctx.ui().execute(() -> s.bindingFailed(e.getMessage()));
            }
        });
    }

    /** Writes the set as it is now (not before it was read back: that would save over it). */
    void save() {
        if (!restored) {
            return;
        }
        List<OpenSession> open = new ArrayList<>();
        for (SessionViewModel s : workspace.sessions()) {
            if (s.provider() != Provider.DEMO) {
                open.add(new OpenSession(s.key(), s.baseUrl(), s.title().givenProperty().get(), workspace.isMuted(s),
                        s == workspace.front(), s.title().profileProperty().get(), s.title().colourProperty().get()));
            }
        }
        connector.store().saveWorkspace(open);
    }
}
