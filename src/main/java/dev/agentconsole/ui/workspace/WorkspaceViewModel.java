package dev.agentconsole.ui.workspace;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.about.About;
import dev.agentconsole.ui.connect.ConnectViewModel;
import dev.agentconsole.ui.connect.Connector;
import dev.agentconsole.ui.session.SessionContext;
import dev.agentconsole.ui.session.SessionViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's sessions: which are open (any provider, in the operator's order), which one is in
 * front, the "needs me" inbox, the wall's Pause all / Stop all, the desktop notifications, and the
 * set saved for the next start. Each session is its own {@link SessionViewModel}; they come in through
 * {@link Opening} (the connect form, {@link ConnectViewModel}, opens them there). Toolkit-free; the UI thread only.
 */
public final class WorkspaceViewModel {

    private final Connector connector;
    private final SessionContext ctx;
    private final ConnectViewModel form;
    private final StoreWarning storeWarning;
    private final ObservableList<SessionViewModel> sessions = FXCollections.observableArrayList();
    private final ObservableList<SessionViewModel> sessionsView = FXCollections.unmodifiableObservableList(sessions);
    private final ReadOnlyObjectWrapper<SessionViewModel> front = new ReadOnlyObjectWrapper<>();
    private final WallCommands wall = new WallCommands(sessions);
    private final ReadOnlyObjectWrapper<Instant> now;
    private final BooleanProperty wallShown = new SimpleBooleanProperty(false);
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final Inbox inbox;
    private final Alerts alerts;
    private final OpenSet openSet;
    /** What brings the window to the front (a notification was clicked); the app sets it. */
    private Runnable raiseWindow = () -> { };
    private final Opening opening;

    public WorkspaceViewModel(Connector connector, Executor ui, Executor io, Supplier<Instant> clock, Notifier notifier) {
        this.connector = connector;
        this.ctx = new SessionContext(ui, io, clock, connector::store);
        this.opening = new Opening(this, connector, ctx);
        this.form = new ConnectViewModel(connector, ctx.ui(), ctx.io(), clock, opening);
        Store store = connector.store();
        this.storeWarning = new StoreWarning(store, ctx.ui());
        // a failed write shows in the bar, and in the transcript in front, where the operator is looking
        store.onTrouble(message -> ctx.ui().execute(() -> Optional.ofNullable(front.get())
                .ifPresent(s -> s.transcript().addError(message))));
        this.now = new ReadOnlyObjectWrapper<>(clock.get());
        this.inbox = new Inbox(sessions);
        this.openSet = new OpenSet(this, opening, connector, ctx);
        this.alerts = new Alerts(notifier, windowFocused::get, s -> {
            show(s);
            raiseWindow.run();
        }, ctx.ui());
        wallShown.addListener((o, was, shown) -> {
            if (!shown) {
                wall.dismiss(); // a Stop all question is about the wall in view, not left standing behind a session
            }
        });
        front.addListener((o, was, s) -> {
            if (was != null) {
                was.setInFront(false);
            }
            if (s != null) {
                s.setInFront(true);
                wallShown.set(false);
            }
            save();
        });
    }

    // ---- outputs --------------------------------------------------------------------------------

    public ConnectViewModel form() {
        return form;
    }

    /** The open sessions, in the sidebar's order. */
    public ObservableList<SessionViewModel> sessions() {
        return sessionsView;
    }

    /** The session in front of the operator; null when none is open. */
    public ReadOnlyObjectProperty<SessionViewModel> frontProperty() {
        return front.getReadOnlyProperty();
    }

    public SessionViewModel front() {
        return front.get();
    }

    public Inbox inbox() {
        return inbox;
    }

    /** What the window must keep in view about the store (why nothing is saved, failed writes). */
    public StoreWarning storeWarning() {
        return storeWarning;
    }

    /** Pause all and Stop all, for the wall. */
    public WallCommands wall() {
        return wall;
    }

    /** The time the waiting times are counted to; moves on at every {@link #tick()}. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** The wall of tiles shows instead of the session in front. */
    public BooleanProperty wallShownProperty() {
        return wallShown;
    }

    /** The window has the operator's focus (the view keeps it up to date). */
    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    /** No desktop notification at all while set. */
    public BooleanProperty doNotDisturbProperty() {
        return alerts.doNotDisturbProperty();
    }

    /** What a click on a notification does besides bringing its session forward: raise the window. */
    public void onRaise(Runnable raise) {
        this.raiseWindow = raise;
    }

    public boolean isMuted(SessionViewModel s) {
        return alerts.isMuted(s);
    }

    /** The store, for search and export (it may open on first use: call it off the FX thread). */
    public Store store() {
        return connector.store();
    }

    /** Version, runtime and data folder, for the About dialog. */
    public About about() {
        return About.ofThisProcess(connector.dataFolder());
    }

    // ---- opening (see Opening) ---------------------------------------------------------------------------

    /**
     * Puts the session the command line names in the window at once, in front, before the saved set is read
     * and before anything binds it: its view is then built, styled and laid out with the rest of the window,
     * off the FX thread, instead of in the window's first pulses. It binds later exactly as an unreserved one
     * would: {@link #open} goes through the form, or {@link #restore} finds it in the saved set; one that turns
     * out to be another (its base URL differs) is let go for a fresh one.
     */
    public void reserve(Provider provider, SessionId id, Optional<String> baseUrl) {
        opening.reserve(provider, id, baseUrl);
    }

    /**
     * Opens what a later launch named: through the profile when it names one (its key, its hosts, its mark);
     * otherwise by hand, no profile chosen, at the base URL given or else the provider's default, never at the
     * URL the form last pointed at, which may be another server's. Its caller id goes to what opens.
     */
    public void openLaunched(Provider provider, Optional<String> baseUrl, Optional<SessionId> id, Optional<String> profile,
                             Optional<String> callerId) {
        opening.openLaunched(provider, baseUrl, id, profile, callerId);
    }

    /** Brings it forward when it is open (read again if it was let go); otherwise the form binds it, or lists or starts one. */
    public void open(Provider provider, Optional<String> baseUrl, Optional<SessionId> id) {
        opening.open(provider, baseUrl, id);
    }

    public Optional<SessionViewModel> find(SessionKey key) {
        return sessions.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Reads a session that was let go again, from its own place (the saved set knows the keys typed). */
    void reconnect(SessionViewModel s) {
        openSet.reconnect(s);
    }

    /** A session new in the window, at the end of the list: followed for notifications, saved with the set. */
    void admit(SessionViewModel s) {
        s.title().givenProperty().addListener((o, was, now) -> save());
        alerts.follow(s);
        sessions.add(s);
        save();
    }

    // ---- switching ------------------------------------------------------------------------------------

    public void show(SessionViewModel s) {
        if (sessions.contains(s)) {
            front.set(s);
            wallShown.set(false);
        }
    }

    /** Ctrl+1…9: the n-th session (1-based); nothing when there are fewer. */
    public void showNumber(int n) {
        if (n >= 1 && n <= sessions.size()) {
            show(sessions.get(n - 1));
        }
    }

    /** Ctrl+Tab (+1) and Ctrl+Shift+Tab (-1), round the list. */
    public void cycle(int step) {
        if (sessions.isEmpty()) {
            return;
        }
        int at = Math.max(0, sessions.indexOf(front.get()));
        show(sessions.get(Math.floorMod(at + step, sessions.size())));
    }

    /** Moves a session in the sidebar's order. */
    public void move(SessionViewModel s, int delta) {
        int at = sessions.indexOf(s);
        int to = at + delta;
        if (at < 0 || to < 0 || to >= sessions.size()) {
            return;
        }
        List<SessionViewModel> order = new ArrayList<>(sessions);
        order.add(to, order.remove(at));
        reorder(order);
        save();
    }

    /** Ctrl+W: the session in front leaves the window (it goes on on the provider); the next one comes forward. */
    public void closeFront() {
        SessionViewModel s = front.get();
        if (s != null) {
            requestClose(s);
        }
    }

    /** Closes it, after asking (with it in front) when messages of it have not gone out. */
    public void requestClose(SessionViewModel s) {
        if (sessions.contains(s)) {
            s.closeOrAsk(() -> close(s));
            if (s.confirmationProperty().get() != null) {
                show(s);
            }
        }
    }

    public void close(SessionViewModel s) {
        int at = sessions.indexOf(s);
        if (at < 0) {
            return;
        }
        opening.forget(s);
        s.close();
        alerts.forget(s);
        sessions.remove(at);
        if (front.get() == s) {
            front.set(sessions.isEmpty() ? null : sessions.get(Math.min(at, sessions.size() - 1)));
        }
        save();
    }

    public void setMuted(SessionViewModel s, boolean mute) {
        muteUnsaved(s, mute);
        save();
    }

    /** As saved: the saved set is being read back, and is not written over meanwhile. */
    void muteUnsaved(SessionViewModel s, boolean mute) {
        alerts.setMuted(s, mute);
    }

    /** Every few seconds: stale marks, and the waiting times move on. */
    public void tick() {
        sessions.forEach(SessionViewModel::checkStale);
        now.set(ctx.clock().get());
    }

    // ---- the set kept for the next start, and keys ------------------------------------------------------

    /**
     * Opens the sessions the last run left open, in their order, with the one in front in front
     * (see {@link OpenSet#restore}); {@code named} (the options' session) is left for the caller to open.
     */
    public void restore(Optional<SessionKey> named, java.util.function.IntConsumer then) {
        openSet.restore(named, then);
    }

    /**
     * A key typed for a session that waited for one: it binds that session, and every other one of the
     * same provider that waits. Kept in memory only, like the connect form's.
     */
    public void connectWithKey(SessionViewModel s, String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        openSet.keyTyped(s.provider(), key);
        List.copyOf(sessions).stream().filter(o -> o.provider() == s.provider() && o.keyNeededProperty().get())
                .forEach(openSet::reconnect);
    }

    /** The session is open in this window already (restore skips it, keeping the saved title). */
    void adopt(SessionViewModel s, String title, boolean muted) {
        if (!title.isEmpty() && s.title().givenProperty().get().isEmpty()) {
            s.title().rename(title);
        }
        alerts.setMuted(s, muted || alerts.isMuted(s));
    }

    /** One permutation of the list, never a removal: a session that moves keeps its view, its place in it and its pictures. */
    void reorder(List<SessionViewModel> order) {
        if (!order.equals(sessions)) {
            FXCollections.sort(sessions, java.util.Comparator.comparingInt(order::indexOf));
        }
    }

    void bringForward(SessionViewModel s) {
        front.set(s);
    }

    private void save() {
        openSet.save();
    }

    /** Closing the window: every session stops reading (they go on on the provider). */
    public void close() {
        alerts.close();
        List.copyOf(sessions).forEach(SessionViewModel::close);
    }
}
