package dev.agentconsole.ui.connect;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.NewSession;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.Quota;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The connect form: which provider, where, the key when the environment has none, a session id
 * typed or picked (with the recent ones and the provider's list), and New. What it binds goes to
 * the window's {@link SessionOpener}, which keeps the sessions. Network work runs on {@code io}; results
 * come back through {@code ui}. Toolkit-free.
 */
public final class ConnectViewModel {

    private final Connector connector;
    private final Executor ui;
    private final Executor io;
    private final SessionOpener opener;
    private final SessionListViewModel list;
    private final QuotaViewModel quota;

    private final ObjectProperty<Provider> provider = new SimpleObjectProperty<>(Provider.DEMO);
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty sessionText = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty agentName = new SimpleStringProperty("demo-web-agent");
    private final StringProperty callerId = new SimpleStringProperty("");
    private final ProfileChoice profiles;
    private final ReadOnlyStringWrapper sessionProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper tokenNeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final RecentSessions recent;
    private long creating;

    public ConnectViewModel(Connector connector, Executor ui, Executor io, Supplier<Instant> clock, SessionOpener opener) {
        this.connector = connector;
        this.ui = ui;
        this.io = io;
        this.opener = opener;
        this.list = new SessionListViewModel(ui, io, clock, ZoneId.systemDefault());
        this.quota = new QuotaViewModel(ui, io, clock, ZoneId.systemDefault());
        this.recent = new RecentSessions(connector.store(), ui, io, notice::set);
        this.profiles = new ProfileChoice(connector, ui, io, notice::set, provider::get);
        provider.addListener((o, was, now) -> {
            providerChanged(now);
            ConnectProfile chosen = profiles.chosen().get();
            if (chosen != null && chosen.provider() != now) {
                profiles.chosen().set(null); // another provider picked by hand: no profile's hosts or key apply
            }
        });
        profiles.chosen().addListener((o, was, now) -> applyProfile(now));
        token.addListener((o, was, now) -> refreshQuota());
        baseUrl.addListener((o, was, now) -> refreshQuota());
        sessionText.addListener((o, was, now) -> sessionProblem.set(now == null || now.isBlank() ? ""
                : Optional.ofNullable(SessionId.problemWith(now)).orElse("")));
        quota.holding(() -> providerChanged(Provider.DEMO), null); // the first read waits for select (or a change)
        loadProfiles();
    }

    /**
     * Where the form points: the provider and its base URL together, then one quota read for both. Set one
     * after the other, the quota would first be read at the provider's default host, with the key meant for
     * {@code baseUrl}'s. The form reads no quota before this (or a change the operator makes, or
     * {@link #refreshQuota}): a window started on a session would start the demo emulator for nothing.
     */
    public void select(Provider p, Optional<String> url) {
        quota.holding(() -> {
            provider.set(p);
            url.ifPresent(baseUrl::set);
        }, null);
        refreshQuota();
    }

    // ---- profiles ---------------------------------------------------------------------------------

    /** The profiles to pick from (the Demo first); the chosen one, or null for a provider by hand. */
    public ObservableList<ConnectProfile> profiles() {
        return profiles.list();
    }

    public ObjectProperty<ConnectProfile> profileProperty() {
        return profiles.chosen();
    }

    /** Keep the key typed for the chosen profile in the OS keychain once it connects. */
    public BooleanProperty rememberKeyProperty() {
        return profiles.rememberKey();
    }

    /** Where the chosen profile's key comes from when the environment's wins; empty otherwise. */
    public ReadOnlyStringProperty keySourceProperty() {
        return profiles.keySource();
    }

    /** Reads the profiles again (the picker opens; one may have been added from the command line). */
    public void loadProfiles() {
        profiles.load(Optional.empty(), () -> { });
    }

    /**
     * Reads the profiles and chooses the one named (--profile, or a later launch's): the form takes its
     * provider, base URL, key and hosts, and what opens next wears its name and colour. Then runs {@code then}.
     */
    public void useProfile(String name, Runnable then) {
        profiles.load(Optional.of(name), then);
    }

    /** A profile chosen: the form takes its provider, base URL, agent and caller id (not when it was only read again). */
    private void applyProfile(ConnectProfile p) {
        if (p == null) {
            tokenNeeded.set(provider.get() != Provider.DEMO && !connector.hasEnvironmentToken(provider.get()));
            refreshQuota(); // another key now: the environment's or the one typed
            return;
        }
        if (!profiles.isReading()) {
            quota.holding(() -> {
                provider.set(p.provider());
                if (!p.isDemo()) {
                    baseUrl.set(p.baseUrl());
                }
            }, null);
            p.agent().ifPresent(agentName::set);
            p.callerId().ifPresent(callerId::set);
            refreshQuota(); // its account's quota, even where the provider and URL are the last profile's
        }
        tokenNeeded.set(!p.isDemo() && p.keyMissing());
    }

    /** A backend for what the form says: through the chosen profile (its hosts, its key) when there is one. */
    private AgentBackend openBackend(Provider p, Optional<String> url, Optional<String> key, ConnectProfile chosen) {
        return chosen != null && chosen.provider() == p ? connector.open(chosen, url, key) : connector.open(p, url, key);
    }

    // ---- what the operator edits ------------------------------------------------------------------

    public ObjectProperty<Provider> providerProperty() {
        return provider;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty sessionTextProperty() {
        return sessionText;
    }

    /** The key typed into the window; kept in memory only, never written anywhere. */
    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty agentNameProperty() {
        return agentName;
    }

    /** The caller id the sessions opened from here start with (H, the --caller-id option); "" for the default. */
    public StringProperty callerIdProperty() {
        return callerId;
    }

    // ---- outputs --------------------------------------------------------------------------------

    public ReadOnlyStringProperty sessionProblemProperty() {
        return sessionProblem.getReadOnlyProperty();
    }

    /** A short message about the last connect, create or list attempt (what went wrong). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tokenNeededProperty() {
        return tokenNeeded.getReadOnlyProperty();
    }

    /** A session is being created: New and Connect wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The provider's sessions opened before, newest first. */
    public ObservableList<String> recentSessions() {
        return recent.ids();
    }

    /** The picker's list of the provider's sessions. */
    public SessionListViewModel list() {
        return list;
    }

    /** What the account may still start and spend, shown before New. */
    public QuotaViewModel quota() {
        return quota;
    }

    // ---- commands --------------------------------------------------------------------------------

    /** Opens the session typed (or picked); the demo with no id starts a new one. */
    public void connect() {
        Provider p = provider.get();
        if (p == Provider.DEMO && (sessionText.get() == null || sessionText.get().isBlank())) {
            newSession();
            return;
        }
        String problem = SessionId.problemWith(sessionText.get());
        if (problem != null) {
            sessionProblem.set(problem);
            notice.set(problem);
            return;
        }
        SessionId id = SessionId.parse(sessionText.get());
        open(p, id);
    }

    /** Opens a session named elsewhere (the picker, a subagent, a second launch) of the chosen provider. */
    public void open(Provider p, SessionId id) {
        notice.set("");
        recent.opened(p, id);
        if (opener.showIfReading(p, id)) {
            return; // open already, and live: nothing to bind again
        }
        String url = urlFor(p).orElse("");
        ConnectProfile chosen = profiles.chosen().get();
        boolean keyAtHand = chosen != null && chosen.provider() == p ? !chosen.keyMissing() : connector.hasEnvironmentToken(p);
        if (p != Provider.DEMO && !keyAtHand && keyTyped().isEmpty()) {
            opener.waitForKey(p, id, url, "No API key for " + p.displayName() + ": type it in below and press Connect");
            return;
        }
        opener.opening(p, id, url);
        Optional<String> baseUrlOption = urlFor(p), key = keyTyped();
        boolean remember = profiles.rememberKey().get();
        io.execute(() -> {
            try {
                AgentBackend backend = openBackend(p, baseUrlOption, key, chosen);
                ui.execute(() -> opener.opened(p, id, url, backend, Optional.empty()));
                profiles.rememberIfAsked(chosen, key, remember, () -> token.set("")); // the keychain has it
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    notice.set(e.getMessage());
                    opener.failed(p, id, url, e.getMessage());
                });
            }
        });
    }

    /** Creates a session on the provider (the demo task on the emulator) and opens it. */
    public void newSession() {
        Provider p = provider.get();
        String agent = agentName.get() == null ? "" : agentName.get().strip();
        if (p == Provider.HCOMPANY && agent.isEmpty()) {
            notice.set("type the name of the H agent to run, then press New");
            return;
        }
        long mine = ++creating;
        busy.set(true);
        notice.set("");
        Optional<String> url = urlFor(p), key = keyTyped();
        ConnectProfile chosen = profiles.chosen().get();
        boolean remember = profiles.rememberKey().get();
        io.execute(() -> {
            AgentBackend backend = null;
            try {
                backend = openBackend(p, url, key, chosen);
                profiles.rememberIfAsked(chosen, key, remember, () -> token.set("")); // the keychain has it
                Optional<OutgoingMessage> task = p == Provider.DEMO
                        ? Optional.of(OutgoingMessage.text(connector.demoTask())) : Optional.empty();
                SessionInfo info = backend.create(new NewSession(agent, task,
                        p == Provider.AGI ? Optional.empty() : Optional.of(Duration.ofHours(1))));
                AgentBackend made = backend;
                ui.execute(() -> {
                    if (mine == creating) {
                        busy.set(false);
                    }
                    recent.opened(p, info.id());
                    sessionText.set(info.id().value());
                    opener.opened(p, info.id(), url.orElse(""), made, task.map(OutgoingMessage::text));
                    refreshQuota(); // a new session takes a slot
                });
            } catch (RuntimeException e) {
                String message = e instanceof AgentException a && backend != null
                        ? a.error().summary() + quota.explainRefusal(a.error(), backend) : e.getMessage();
                if (backend != null) {
                    backend.close();
                }
                ui.execute(() -> {
                    if (mine == creating) {
                        busy.set(false);
                    }
                    notice.set("could not create a session: " + message);
                });
            }
        });
    }

    /** Lists the chosen provider's sessions, newest first (one page of 50). */
    public void loadSessions() {
        Supplier<AgentBackend> fresh = backendForNow();
        list.load(() -> {
            try (AgentBackend b = fresh.get()) {
                return b.list(1, 50);
            }
        });
    }

    /** Reads the quota again: the provider, URL or key changed, or a session was created. */
    public void refreshQuota() {
        Supplier<AgentBackend> fresh = backendForNow();
        quota.refresh(() -> {
            try (AgentBackend b = fresh.get()) {
                return b.quota().map(Quota::read);
            }
        });
    }

    /**
     * Opens a backend for what the form says now (taken here, on the UI thread; used on io). Through the
     * chosen profile when there is one, so quota and list reads keep its key to its hosts like Connect does.
     */
    private Supplier<AgentBackend> backendForNow() {
        Provider p = provider.get();
        Optional<String> url = urlFor(p), key = keyTyped();
        ConnectProfile chosen = profiles.chosen().get();
        return () -> openBackend(p, url, key, chosen);
    }

    private void providerChanged(Provider p) {
        baseUrl.set(p == Provider.DEMO ? "" : connector.defaultBaseUrl(p));
        tokenNeeded.set(p != Provider.DEMO && !connector.hasEnvironmentToken(p));
        agentName.set(switch (p) {
            case DEMO -> "demo-web-agent";
            case AGI -> "agi-0";
            case HCOMPANY -> "";
        });
        recent.showFor(p);
        list.clear();
        refreshQuota();
    }

    private Optional<String> urlFor(Provider p) {
        return p == Provider.DEMO || baseUrl.get() == null || baseUrl.get().isBlank() ? Optional.empty()
                : Optional.of(baseUrl.get().strip());
    }

    private Optional<String> keyTyped() {
        return token.get() == null || token.get().isBlank() ? Optional.empty() : Optional.of(token.get());
    }
}
