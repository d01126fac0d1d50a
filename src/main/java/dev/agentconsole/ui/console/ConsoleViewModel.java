package dev.agentconsole.ui.console;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.NewSession;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionInfo;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.session.Delivery;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.session.SessionController;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.about.About;
import dev.agentconsole.ui.chat.TranscriptViewModel;
import dev.agentconsole.ui.chat.WorkingViewModel;
import dev.agentconsole.ui.compose.ComposerViewModel;
import dev.agentconsole.ui.session.Formats;
import dev.agentconsole.ui.session.SessionBarViewModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The console window's state and commands: which session it is bound to and how that stands,
 * the agent's status, and the operator's commands. Network work runs on {@code io}; results come
 * back through {@code ui} (the FX thread in the app, a test thread in tests). Sub-models: the
 * transcript and the composer.
 */
public final class ConsoleViewModel {

    /** After this long without an answer from the server, the session is marked stale. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);
    static final Duration LONG_POLL = Duration.ofSeconds(20);

    private final Connector connector;
    private final Executor ui;
    private final Executor io;
    private final Supplier<Instant> clock;
    private final TranscriptViewModel transcript = new TranscriptViewModel();
    private final ComposerViewModel composer;
    private final StoreWarning storeWarning;
    private final HeldMessages held = new HeldMessages();
    private final WorkingViewModel working;

    private final ObjectProperty<Provider> provider = new SimpleObjectProperty<>(Provider.DEMO);
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty sessionText = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty agentName = new SimpleStringProperty("demo-web-agent");

    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<AgentStatus> agentStatus = new ReadOnlyObjectWrapper<>(AgentStatus.UNKNOWN);
    private final ReadOnlyStringWrapper statusLabel = new ReadOnlyStringWrapper("not connected");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper metrics = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper liveViewUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sessionProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper boundSession = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper tokenNeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Provider> boundProvider = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> recentSessions = FXCollections.observableArrayList();
    private final SessionBarViewModel bar;

    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canForceAnswer = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(false);

    /** Written on the FX thread; volatile, as the image loader reads it on its own. */
    private volatile SessionController controller;
    /** Which session's draft the composer holds; saved as it changes. */
    private final ComposerDrafts drafts;
    private Integer lastSteps;
    private BigDecimal lastCost;
    private Instant lastContact = Instant.EPOCH;
    private long generation;

    public ConsoleViewModel(Connector connector, Executor ui, Executor io, Supplier<Instant> clock) {
        this.connector = connector;
        this.ui = whileOpen(ui);
        this.io = whileOpen(io);
        this.clock = clock;
        this.composer = new ComposerViewModel(ui, io);
        this.working = new WorkingViewModel(clock);
        this.bar = new SessionBarViewModel(this.ui, this.io, clock, ZoneId.systemDefault(), this::lease, id -> {
            sessionText.set(id.value());
            connect();
        });
        provider.addListener((o, was, now) -> providerChanged(now));
        token.addListener((o, was, now) -> bar.refreshQuota());
        baseUrl.addListener((o, was, now) -> bar.refreshQuota());
        sessionText.addListener((o, was, now) -> sessionProblem.set(now == null || now.isBlank() ? ""
                : Optional.ofNullable(SessionId.problemWith(now)).orElse("")));
        state.addListener((o, was, now) -> refreshAbilities());
        agentStatus.addListener((o, was, now) -> {
            refreshAbilities();
            working.status(now);
            // held messages wait for the agent to move again, whatever state it was seen in before
            if (now != AgentStatus.PAUSED && now != AgentStatus.UNKNOWN && !held.isEmpty()) {
                if (now.isTerminal()) {
                    putBackHeld(); // it ended instead: back into the composer
                } else {
                    releaseHeld(); // resumed, here or elsewhere
                }
            }
        });
        providerChanged(Provider.DEMO);
        Store store = connector.store();
        storeWarning = new StoreWarning(store, ui);
        transcript.setSaving(storeWarning.savingProperty().get());
        store.onTrouble(message -> ui.execute(() -> transcript.addError(message)));
        drafts = new ComposerDrafts(composer, connector::store, this.ui, this.io, () -> generation, notice::set);
    }

    /**
     * An executor that drops work once it was shut down: the window is closing (or a test ended),
     * and a background read or a late reply from the server has nothing left to update.
     */
    private static Executor whileOpen(Executor executor) {
        return task -> {
            try {
                executor.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // shut down: nothing waits for this any more
            }
        };
    }

    // ---- outputs --------------------------------------------------------------------------------

    public TranscriptViewModel transcript() {
        return transcript;
    }

    /** What the window must keep in view about the store (why nothing is saved, failed writes). */
    public StoreWarning storeWarning() {
        return storeWarning;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    /** The live "working" row at the end of the transcript. */
    public WorkingViewModel working() {
        return working;
    }

    /** Messages held while the agent is paused, until it is resumed. */
    public HeldMessages held() {
        return held;
    }

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

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AgentStatus> agentStatusProperty() {
        return agentStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLabelProperty() {
        return statusLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty liveViewUrlProperty() {
        return liveViewUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionProblemProperty() {
        return sessionProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty boundSessionProperty() {
        return boundSession.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Provider> boundProviderProperty() {
        return boundProvider.getReadOnlyProperty();
    }

    /** A short message about the last connect, create or list attempt (what went wrong). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tokenNeededProperty() {
        return tokenNeeded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ObservableList<String> recentSessions() {
        return FXCollections.unmodifiableObservableList(recentSessions);
    }

    /** The session picker's list, the details popover and the quota before New. */
    public SessionBarViewModel bar() {
        return bar;
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canForceAnswerProperty() {
        return canForceAnswer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    // ---- binding a session ------------------------------------------------------------------------

    private void providerChanged(Provider p) {
        baseUrl.set(p == Provider.DEMO ? "" : connector.defaultBaseUrl(p));
        tokenNeeded.set(p != Provider.DEMO && !connector.hasEnvironmentToken(p));
        agentName.set(switch (p) {
            case DEMO -> "demo-web-agent";
            case AGI -> "agi-0";
            case HCOMPANY -> "";
        });
        loadRecent(p);
        bar.providerChanged();
    }

    /** What the window is set to now, for the session bar's reads (taken here, used on io). */
    private SessionBarViewModel.Lease lease() {
        Provider p = provider.get();
        Optional<String> url = urlFor(p), key = keyTyped();
        return new SessionBarViewModel.Lease(p, Optional.ofNullable(controller).map(c -> new SessionBarViewModel.Lease.Bound(
                c.backend(), c.session())), () -> connector.open(p, url, key));
    }

    private Optional<String> urlFor(Provider p) {
        return p == Provider.DEMO || baseUrl.get() == null || baseUrl.get().isBlank() ? Optional.empty() : Optional.of(baseUrl.get().strip());
    }

    private Optional<String> keyTyped() {
        return token.get() == null || token.get().isBlank() ? Optional.empty() : Optional.of(token.get());
    }

    /** The provider's sessions opened before, newest first, from the store. */
    private void loadRecent(Provider p) {
        io.execute(() -> {
            try {
                List<String> ids = connector.store().recent(p.cliName(), 10);
                ui.execute(() -> {
                    if (provider.get() == p) {
                        recentSessions.setAll(ids);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> notice.set("the recent sessions could not be read: " + e.getMessage()));
            }
        });
    }

    /** Binds the window to the session id typed (or picked). */
    public void connect() {
        Provider p = provider.get();
        String problem = SessionId.problemWith(sessionText.get());
        if (p == Provider.DEMO && (sessionText.get() == null || sessionText.get().isBlank())) {
            newSession();
            return;
        }
        if (problem != null) {
            sessionProblem.set(problem);
            notice.set(problem);
            return;
        }
        SessionId id = SessionId.parse(sessionText.get());
        if (p != Provider.DEMO && !connector.hasEnvironmentToken(p) && (token.get() == null || token.get().isBlank())) {
            showWaiting(p, id);
            return;
        }
        openAndBind(p, backend -> id);
    }

    /**
     * No key yet (it lives in memory only): the session's stored history and outbox show, and
     * what was still to be sent waits, visibly, until the key is typed and Connect pressed.
     */
    private void showWaiting(Provider p, SessionId id) {
        disconnect();
        long gen = generation;
        SessionKey key = SessionKey.of(p, id.value());
        transcript.clear();
        drafts.switchTo(key);
        io.execute(() -> {
            try {
                Store store = connector.store();
                List<AgentEvent> history = store.history(key);
                List<Delivery> waiting = store.outbox(key, List.of(DeliveryState.QUEUED.name(), DeliveryState.SENDING.name(),
                        DeliveryState.ACCEPTED.name(), DeliveryState.UNCERTAIN.name(), DeliveryState.FAILED.name()))
                        .stream().map(row -> {
                            DeliveryState state = DeliveryState.valueOf(row.state());
                            DeliveryState shown = state == DeliveryState.QUEUED || state == DeliveryState.SENDING
                                    ? DeliveryState.WAITING : state;
                            return new Delivery(row.id(), row.outgoing(), shown,
                                    row.cause().map(AgentError.Stored::new), row.attempts());
                        }).toList();
                ui.execute(() -> {
                    if (gen != generation) {
                        return;
                    }
                    transcript.addEvents(history);
                    waiting.forEach(transcript::restoreDelivery);
                    long count = waiting.stream().filter(d -> d.state() == DeliveryState.WAITING).count();
                    notice.set("No API key for " + p.displayName() + ": type it into the key field and press Connect"
                            + (count == 0 ? "." : "; " + count + (count == 1 ? " message waits" : " messages wait")
                            + " and will be sent then."));
                });
            } catch (RuntimeException e) {
                ui.execute(() -> notice.set("the stored session could not be read: " + e.getMessage()));
            }
        });
    }

    /** The store, for search and export (it may open on first use: call it off the FX thread). */
    public Store store() {
        return connector.store();
    }

    /** Version, runtime and data folder, for the About dialog. */
    public About about() {
        return About.ofThisProcess(connector.dataFolder());
    }

    /** Creates a session on the provider (the demo task on the emulator) and binds to it. */
    public void newSession() {
        Provider p = provider.get();
        String agent = agentName.get() == null ? "" : agentName.get().strip();
        if (p == Provider.HCOMPANY && agent.isEmpty()) {
            notice.set("type the name of the H agent to run, then press New");
            return;
        }
        openAndBind(p, backend -> {
            Optional<OutgoingMessage> task = p == Provider.DEMO
                    ? Optional.of(OutgoingMessage.text(connector.demoTask())) : Optional.empty();
            SessionInfo info = backend.create(new NewSession(agent, task,
                    p == Provider.AGI ? Optional.empty() : Optional.of(Duration.ofHours(1))));
            return info.id();
        });
    }

    private interface SessionChooser {
        SessionId choose(AgentBackend backend);
    }

    private void openAndBind(Provider p, SessionChooser chooser) {
        disconnect();
        long gen = ++generation;
        busy.set(true);
        notice.set("");
        state.set(ConnectionState.CONNECTING);
        transcript.setPhase(TranscriptViewModel.Phase.LOADING);
        Optional<String> url = urlFor(p), key = keyTyped();
        io.execute(() -> {
            AgentBackend backend = null;
            try {
                backend = connector.open(p, url, key);
                SessionId id = chooser.choose(backend);
                AgentBackend bound = backend;
                ui.execute(() -> {
                    if (gen != generation) {
                        bound.close();
                        return;
                    }
                    bind(p, bound, id);
                });
            } catch (RuntimeException e) {
                String message = e instanceof AgentException a && backend != null
                        ? a.error().summary() + bar.explainRefusal(a.error(), backend) : e.getMessage();
                if (backend != null) {
                    backend.close();
                }
                ui.execute(() -> {
                    if (gen == generation) {
                        busy.set(false);
                        state.set(ConnectionState.DISCONNECTED);
                        transcript.setPhase(TranscriptViewModel.Phase.UNBOUND);
                        notice.set(message);
                        transcript.addError("could not connect: " + message);
                    }
                });
            }
        });
    }

    private void bind(Provider p, AgentBackend backend, SessionId id) {
        busy.set(false);
        transcript.clear();
        working.clear();
        lastSteps = null;
        lastCost = null;
        metrics.set("");
        liveViewUrl.set("");
        boundProvider.set(p);
        boundSession.set(id.value());
        sessionText.set(id.value());
        recentSessions.remove(id.value());
        recentSessions.add(0, id.value());
        if (recentSessions.size() > 10) {
            recentSessions.remove(10, recentSessions.size());
        }
        SessionKey key = SessionKey.of(p, id.value());
        connector.store().touch(key, p == Provider.DEMO ? "" : Optional.ofNullable(baseUrl.get()).orElse(""));
        drafts.switchTo(key);
        composer.setRules(backend.rules(), p == Provider.AGI ? "AGI" : "H");
        canForceAnswer.set(false);
        lastContact = clock.get();
        long gen = generation;
        controller = new SessionController(backend, id, new Relay(gen), LONG_POLL, connector.store());
        controller.start();
        refreshAbilities();
        bar.boundChanged(true);
    }

    /** Unbinds the window: reading stops, calls in flight are cancelled. Typed text stays. */
    public void disconnect() {
        putBackHeld();
        generation++;
        SessionController c = controller;
        controller = null;
        if (c != null) {
            c.halt(); // nothing more leaves from it, now: the next binding may restore the same outbox
            io.execute(c::close);
        }
        state.set(ConnectionState.DISCONNECTED);
        transcript.setPhase(TranscriptViewModel.Phase.UNBOUND);
        agentStatus.set(AgentStatus.UNKNOWN);
        statusLabel.set("not connected");
        stale.set(false);
        busy.set(false);
        confirmation.set(null);
        composer.setRules(null, "H");
        bar.boundChanged(false);
        refreshAbilities();
    }

    /**
     * The bytes of an image an event names by URL, fetched through the bound session (its key goes to
     * the provider's own origin only). Blocks: the image loader's thread calls it, never the FX thread.
     *
     * @throws IllegalStateException with the reason the operator reads, when it cannot be had
     */
    public byte[] fetchImage(String url) {
        SessionController bound = controller;
        if (bound == null) {
            throw new IllegalStateException("no session is bound to fetch it with");
        }
        try {
            return bound.backend().image(url).bytes();
        } catch (AgentException e) {
            throw new IllegalStateException(e.error().summary(), e);
        }
    }

    // ---- sending ----------------------------------------------------------------------------------

    /** Sends the typed message (asking first when the agent is paused, or it would restart a finished H session or steer a running AGI task). */
    public void send() {
        composer.message().ifPresent(outgoing -> preflight(outgoing, composer::sent));
    }

    /** Sends the queued lines as one batch (H) or one by one in order (AGI). */
    public void sendQueue() {
        composer.batch().ifPresent(outgoing -> preflight(outgoing, composer::queueSent));
    }

    /** @param handedOver clears what was sent (or held) from the composer */
    private void preflight(Outgoing outgoing, Runnable handedOver) {
        if (controller == null) {
            notice.set("not connected: connect to a session first");
            return;
        }
        Provider p = boundProvider.get();
        Runnable send = () -> {
            controller.send(outgoing);
            handedOver.run();
        };
        SendGuard.SendActions actions = new SendGuard.SendActions(send, () -> {
            controller.stopThenSend(outgoing);
            handedOver.run();
        }, () -> {
            releaseHeld(); // what was held goes first: the agent reads them in the order typed
            controller.send(outgoing); // H: a message resumes a paused session; AGI needs the word
            if (p == Provider.AGI) {
                controller.resume();
            }
            handedOver.run();
        }, () -> {
            if (agentStatus.get() == AgentStatus.PAUSED) {
                held.hold(outgoing);
            } else {
                controller.send(outgoing); // it was resumed while the question stood: nothing to wait for
            }
            handedOver.run();
        });
        SendGuard.beforeSend(p, agentStatus.get(), actions).ifPresentOrElse(confirmation::set, send);
    }

    /** The held messages go out, in order. */
    private void releaseHeld() {
        if (controller != null) {
            held.takeAll().forEach(controller::send);
        }
    }

    /** "Back to the composer": the held messages are no longer held, and wait in the composer. */
    public void unhold() {
        putBackHeld();
    }

    private void putBackHeld() {
        held.takeAll().forEach(composer::putBack);
    }

    /** The operator picked a choice of the pending confirmation. */
    public void choose(Confirmation.Choice choice) {
        confirmation.set(null);
        if (choice.action() != null) {
            choice.action().run();
        }
    }

    /** Esc: the pending question is dismissed (nothing typed is lost). */
    public void dismissConfirmation() {
        confirmation.set(null);
    }

    public void resend(long deliveryId) {
        if (controller != null) {
            controller.resend(deliveryId);
        }
    }

    public void drop(long deliveryId) {
        if (controller != null) {
            controller.drop(deliveryId);
        }
    }

    /** Reply to a question: it is quoted above the composer, which the view focuses. */
    public void replyTo(String question) {
        composer.replyTo(question);
    }

    // ---- commands ----------------------------------------------------------------------------------

    public void pauseOrResume() {
        if (canResume.get()) {
            controller.resume();
            releaseHeld();
        } else if (canPause.get()) {
            controller.pause();
        }
    }

    /** Asks first: stopping ends an H session, and cancels an AGI task (see {@link SendGuard#beforeStop}). */
    public void requestStop() {
        if (canStop.get()) {
            confirmation.set(SendGuard.beforeStop(boundProvider.get(), () -> controller.stop()));
        }
    }

    public void forceAnswer() {
        if (canForceAnswer.get()) {
            controller.forceAnswer();
        }
    }

    /** Called every few seconds: marks the session stale when the server has been silent too long. */
    public void checkStale() {
        boolean live = state.get() == ConnectionState.LIVE || state.get() == ConnectionState.RECONNECTING;
        stale.set(live && Duration.between(lastContact, clock.get()).compareTo(STALE_AFTER) > 0);
    }

    /** Closing the window: everything stops. */
    public void close() {
        disconnect();
    }

    private void refreshAbilities() {
        boolean bound = controller != null;
        ConnectionState s = state.get();
        boolean reachable = bound && (s == ConnectionState.LIVE || s == ConnectionState.RECONNECTING || s == ConnectionState.CONNECTING);
        AgentStatus a = agentStatus.get();
        canSend.set(bound && s != ConnectionState.ENDED);
        canPause.set(reachable && !a.isTerminal() && a != AgentStatus.PAUSED && a != AgentStatus.UNKNOWN);
        canResume.set(reachable && a == AgentStatus.PAUSED);
        boolean agiIdle = boundProvider.get() == Provider.AGI
                && (a == AgentStatus.FINISHED || a == AgentStatus.READY || a == AgentStatus.COMPLETED);
        canStop.set(reachable && !a.isTerminal() && a != AgentStatus.UNKNOWN && !agiIdle);
        canForceAnswer.set(reachable && bound && controller.backend().forceAnswer().isPresent() && !a.isTerminal()
                && a != AgentStatus.UNKNOWN);
    }

    // ---- what the session controller reports (background threads) -----------------------------------

    private final class Relay implements SessionController.Listener {
        private final long gen;

        Relay(long gen) {
            this.gen = gen;
        }

        private void onUi(Runnable r) {
            ui.execute(() -> {
                if (gen == generation) {
                    r.run();
                }
            });
        }

        @Override
        public void onEvents(List<AgentEvent> events) {
            onUi(() -> onEventsNow(events));
        }

        private void onEventsNow(List<AgentEvent> events) {
            transcript.setPhase(TranscriptViewModel.Phase.LOADED);
            transcript.addEvents(events);
            working.events(events);
            for (AgentEvent e : events) {
                if (e instanceof AgentEvent.LiveView l) {
                    liveViewUrl.set(l.url());
                } else if (e instanceof AgentEvent.Metrics m) {
                    showMetrics(m.steps(), m.costUsd());
                } else if (e instanceof AgentEvent.StatusChange s && s.status() != AgentStatus.UNKNOWN) {
                    agentStatus.set(s.status());
                    statusLabel.set(s.status().label());
                }
            }
        }

        @Override
        public void onHistory(List<AgentEvent> history) {
            onUi(() -> {
                onEventsNow(history);
                transcript.addNote("history: " + history.size() + (history.size() == 1 ? " event" : " events")
                        + " stored earlier");
            });
        }

        @Override
        public void onOlderHistory(List<AgentEvent> older) {
            onUi(() -> transcript.prependEvents(older));
        }

        @Override
        public void onRestored(Delivery delivery) {
            onUi(() -> transcript.restoreDelivery(delivery));
        }

        @Override
        public void onCaughtUp(int count, boolean afterRestart) {
            onUi(() -> transcript.setPhase(TranscriptViewModel.Phase.LOADED));
            onUi(() -> transcript.addNote((afterRestart ? "resumed, " : "reconnected, ") + count
                    + (count == 1 ? " new event" : " new events")));
        }

        @Override
        public void onSnapshot(SessionSnapshot snapshot) {
            onUi(() -> {
                agentStatus.set(snapshot.status());
                statusLabel.set(snapshot.statusLabel());
                if (snapshot.steps().isPresent() || snapshot.costUsd().isPresent()) {
                    showMetrics(snapshot.steps(), snapshot.costUsd());
                }
                refreshAbilities();
            });
        }

        @Override
        public void onConnection(ConnectionState next, Optional<AgentError> cause) {
            onUi(() -> {
                ConnectionState was = state.get();
                state.set(next);
                if (next == ConnectionState.ENDED) {
                    transcript.setPhase(TranscriptViewModel.Phase.LOADED); // nothing more will come
                }
                if (next == ConnectionState.LIVE && was == ConnectionState.CONNECTING) {
                    fetchLiveView();
                }
                if (next == ConnectionState.RECONNECTING && was != ConnectionState.RECONNECTING) {
                    cause.ifPresent(c -> transcript.addError("connection lost, reconnecting: " + c.summary()));
                } else if (next == ConnectionState.ENDED && boundProvider.get() == Provider.DEMO
                        && cause.filter(AgentError.NotFound.class::isInstance).isPresent()) {
                    transcript.addNote("This demo session ended with the console that ran it: what is shown is its "
                            + "stored history. Press New for a fresh one.");
                } else if (next == ConnectionState.ENDED) {
                    cause.ifPresent(c -> transcript.addError(c.summary()));
                }
                refreshAbilities();
            });
        }

        @Override
        public void onDelivery(Delivery delivery) {
            onUi(() -> {
                transcript.updateDelivery(delivery);
                if (delivery.state() == dev.agentconsole.session.DeliveryState.FAILED) {
                    giveBack(delivery);
                }
            });
        }

        @Override
        public void onCommandFailed(String command, AgentError error) {
            onUi(() -> transcript.addError(command + " failed: " + error.summary()));
        }

        @Override
        public void onContact(Instant at) {
            onUi(() -> {
                lastContact = clock.get();
                stale.set(false);
                if (state.get() == ConnectionState.LIVE) {
                    transcript.setPhase(TranscriptViewModel.Phase.LOADED); // a read answered (the first comes after the status)
                }
            });
        }
    }

    /**
     * A refused message comes back into an empty composer, so the operator can fix and resend it
     * (its row keeps the cause and a Retry as well).
     */
    private void giveBack(Delivery delivery) {
        List<OutgoingMessage> lines = delivery.outgoing().messages();
        if (delivery.outgoing() instanceof Outgoing.Batch && lines.size() > 1) {
            composer.restoreQueue(lines.stream().map(OutgoingMessage::text).toList());
        } else {
            composer.restoreText(lines.get(0).text());
        }
    }

    private void fetchLiveView() {
        SessionController c = controller;
        if (c == null) {
            return;
        }
        long gen = generation;
        io.execute(() -> {
            try {
                SessionInfo info = c.backend().session(c.session());
                info.liveViewUrl().ifPresent(u -> ui.execute(() -> {
                    if (gen == generation) {
                        liveViewUrl.set(u);
                    }
                }));
            } catch (RuntimeException e) {
                // the live view link is a convenience; the transcript already shows connection trouble
            }
        });
    }

    /** Steps and cost come from different places (status, metrics events): each keeps the last value it had. */
    private void showMetrics(Optional<Integer> steps, Optional<BigDecimal> cost) {
        steps.ifPresent(n -> lastSteps = n);
        steps.ifPresent(working::steps);
        cost.ifPresent(c -> lastCost = c);
        StringBuilder s = new StringBuilder();
        if (lastSteps != null) {
            s.append(lastSteps).append(lastSteps == 1 ? " step" : " steps");
        }
        if (lastCost != null) {
            s.append(s.length() > 0 ? " · " : "").append(Formats.usd(lastCost));
        }
        metrics.set(s.toString());
    }

    /** For the window's title and accessibility: a one-line description. */
    public String describe() {
        return boundSession.get().isEmpty() ? "not connected"
                : Optional.ofNullable(boundProvider.get()).map(Provider::displayName).orElse("") + " · " + boundSession.get();
    }
}
