package dev.agentconsole.ui.workspace;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.ui.connect.ConnectViewModel;
import dev.agentconsole.ui.connect.Connector;
import dev.agentconsole.ui.connect.SessionOpener;
import dev.agentconsole.ui.session.SessionContext;
import dev.agentconsole.ui.session.SessionViewModel;
import java.util.Optional;

/**
 * How sessions come into the window: what the connect form opens ({@link SessionOpener}), the session the
 * command line names (held from the start, {@link NamedAtStart}), what a later launch hands over, and the
 * saved set's sessions ({@link OpenSet}). A session that opens here takes the form's profile mark and caller
 * id; the window's list, its order and the one in front are {@link WorkspaceViewModel}'s. The UI thread only.
 */
final class Opening implements SessionOpener {

    private final WorkspaceViewModel workspace;
    private final Connector connector;
    private final SessionContext ctx;
    private final NamedAtStart named = new NamedAtStart();

    Opening(WorkspaceViewModel workspace, Connector connector, SessionContext ctx) {
        this.workspace = workspace;
        this.connector = connector;
        this.ctx = ctx;
    }

    /** The form is made with this opener, so it is asked for when needed rather than given. */
    private ConnectViewModel form() {
        return workspace.form();
    }

    // ---- what the connect form asks --------------------------------------------------------------------

    @Override
    public boolean showIfReading(Provider provider, SessionId id) {
        Optional<SessionViewModel> open = workspace.find(SessionKey.of(provider, id.value())).filter(s -> {
            ConnectionState state = s.stateProperty().get();
            return state != ConnectionState.DISCONNECTED && state != ConnectionState.ENDED;
        });
        open.ifPresent(workspace::show);
        return open.isPresent();
    }

    @Override
    public void waitForKey(Provider provider, SessionId id, String baseUrl, String why) {
        slot(provider, id, baseUrl).showWaiting(why);
    }

    @Override
    public void opening(Provider provider, SessionId id, String baseUrl) {
        slot(provider, id, baseUrl);
    }

    @Override
    public void opened(Provider provider, SessionId id, String baseUrl, AgentBackend backend, Optional<String> task) {
        // one already open keeps its place (the operator may have moved on while it connected); a new one comes forward
        SessionViewModel s = workspace.find(SessionKey.of(provider, id.value())).orElseGet(() -> slot(provider, id, baseUrl));
        task.ifPresent(s.title()::offerTask);
        s.attach(backend);
    }

    @Override
    public void failed(Provider provider, SessionId id, String baseUrl, String message) {
        workspace.find(SessionKey.of(provider, id.value())).ifPresent(s -> s.bindingFailed(message));
    }

    /** The session with that key, brought to the front; opened in the window first if it was not. */
    private SessionViewModel slot(Provider provider, SessionId id, String baseUrl) {
        SessionKey key = SessionKey.of(provider, id.value());
        Optional<SessionViewModel> reservedForIt = takeNamed(key, baseUrl);
        Optional<SessionViewModel> openAlready = reservedForIt.isPresent() ? Optional.empty() : workspace.find(key);
        SessionViewModel s = reservedForIt.or(() -> openAlready).orElseGet(() -> add(provider, id, baseUrl, ""));
        if (openAlready.isEmpty()) { // new here (or reserved for it): it wears the form's profile; one open keeps its own
            Optional.ofNullable(form().profileProperty().get()).filter(p -> p.provider() == provider && !p.isDemo())
                    .ifPresent(p -> s.title().markProfile(p.name(), p.colour()));
        }
        workspace.bringForward(s);
        return s;
    }

    // ---- the session named at start, a later launch, the saved set -------------------------------------

    /** See {@link WorkspaceViewModel#reserve}. */
    void reserve(Provider provider, SessionId id, Optional<String> baseUrl) {
        if (workspace.sessions().isEmpty()) {
            String url = provider == Provider.DEMO ? "" : baseUrl.map(String::strip).orElseGet(() -> connector.defaultBaseUrl(provider));
            SessionViewModel s = add(provider, id, url, "");
            named.hold(s);
            workspace.bringForward(s);
        }
    }

    /** Held from the start and not yet bound: it counts as not open. */
    boolean isReserved(SessionViewModel s) {
        return named.holds(s);
    }

    /** It left the window. */
    void forget(SessionViewModel s) {
        named.forget(s);
    }

    /** The reserved session when it is this one (see {@link NamedAtStart#take}), with the caller id add() would give. */
    private Optional<SessionViewModel> takeNamed(SessionKey key, String baseUrl) {
        Optional<SessionViewModel> s = named.take(key, baseUrl, workspace::close);
        s.ifPresent(this::withFormCallerId); // the options and the profile have set the form's by now
        return s;
    }

    /** See {@link WorkspaceViewModel#openLaunched}. */
    void openLaunched(Provider provider, Optional<String> baseUrl, Optional<SessionId> id, Optional<String> profile,
                      Optional<String> callerId) {
        Runnable open = () -> {
            callerId.ifPresent(form().callerIdProperty()::set);
            open(provider, baseUrl.or(() -> provider == Provider.DEMO ? Optional.empty()
                    : Optional.of(connector.defaultBaseUrl(provider))), id);
        };
        if (profile.isPresent()) {
            form().useProfile(profile.get(), open);
        } else {
            form().profileProperty().set(null);
            open.run();
        }
    }

    /** See {@link WorkspaceViewModel#open}. */
    void open(Provider provider, Optional<String> baseUrl, Optional<SessionId> id) {
        // a reserved session is not open yet: it binds through the form, as it would have without the reservation
        Optional<SessionViewModel> open = id.flatMap(i -> workspace.find(SessionKey.of(provider, i.value())))
                .filter(s -> !named.holds(s));
        if (open.isPresent()) { // open already: it comes forward, read again from its own place if it was let go
            workspace.show(open.get());
            ConnectionState state = open.get().stateProperty().get();
            if (state == ConnectionState.DISCONNECTED || state == ConnectionState.ENDED) {
                workspace.reconnect(open.get());
            }
            return;
        }
        ConnectViewModel form = form();
        form.select(provider, baseUrl);
        if (id.isPresent()) {
            form.sessionTextProperty().set(id.get().value());
            form.open(provider, id.get());
        } else if (provider == Provider.DEMO) {
            form.newSession();
        } else {
            form.loadSessions();
        }
    }

    /** A session of the saved set, not open yet: the reserved one when it is that one, else a new one. */
    SessionViewModel addSaved(Provider p, SessionId id, String baseUrl, String title, boolean muted) {
        SessionViewModel s = takeNamed(SessionKey.of(p, id.value()), baseUrl).orElse(null);
        if (s == null) {
            s = add(p, id, baseUrl, title);
        } else {
            s.title().rename(title); // reserved untitled: it takes the saved title, as add() gives it
        }
        workspace.muteUnsaved(s, muted);
        return s;
    }

    private SessionViewModel add(Provider provider, SessionId id, String baseUrl, String title) {
        SessionViewModel s = new SessionViewModel(ctx, provider, id, baseUrl, sub -> {
            form().providerProperty().set(provider);
            form().open(provider, sub);
        });
        s.title().rename(title);
        withFormCallerId(s);
        workspace.admit(s);
        return s;
    }

    /** A session opening here takes the caller id the form holds (--caller-id, or the profile's), when it holds one. */
    private void withFormCallerId(SessionViewModel s) {
        if (!form().callerIdProperty().get().isBlank()) {
            s.composer().callerIdProperty().set(form().callerIdProperty().get());
        }
    }
}
