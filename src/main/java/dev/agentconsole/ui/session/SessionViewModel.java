package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.session.SessionController;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.ui.chat.TranscriptViewModel;
import dev.agentconsole.ui.chat.WorkingViewModel;
import dev.agentconsole.ui.compose.ComposerViewModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One session open in the window: how reading it stands, the agent's status, the operator's
 * commands, its transcript and its composer (with its own draft, queue and pictures). A backend is
 * attached when one can be had (a key may be missing: the stored history shows meanwhile); the
 * session stays in the window across reconnects. Whether it waits for the operator is one rule,
 * {@link NeedsMe}. Toolkit-free; the UI thread only, except {@link #fetchImage}.
 */
public final class SessionViewModel {

    /** After this long without an answer from the server, the session is marked stale. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);
    static final Duration LONG_POLL = Duration.ofSeconds(20);

    final SessionContext ctx;
    private final Provider provider;
    private final SessionId id;
    private final SessionKey key;
    private final String baseUrl;
    final TranscriptViewModel transcript = new TranscriptViewModel();
    final ComposerViewModel composer;
    final WorkingViewModel working;
    final Steering steering;
    final SessionTitle title;
    private final SessionDetailsViewModel details;

    final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    final ReadOnlyObjectWrapper<AgentStatus> agentStatus = new ReadOnlyObjectWrapper<>(AgentStatus.UNKNOWN);
    final ReadOnlyStringWrapper statusLabel = new ReadOnlyStringWrapper("not connected");
    final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyStringWrapper metrics = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper liveViewUrl = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper lastLine = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper lastPicture = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);
    private final SessionAbilities can = new SessionAbilities();

    SessionAbilities can() {
        return can;
    }
    final NeedsMeTracker needs;

    final SessionReading reading = new SessionReading(this);
    private final ReadOnlyBooleanWrapper frontWrapper = new ReadOnlyBooleanWrapper(false);

    /**
     * @param baseUrl where the session lives ("" for the demo)
     * @param opener  opens another session of the same provider in the window (a subagent picked in the details)
     */
    public SessionViewModel(SessionContext ctx, Provider provider, SessionId id, String baseUrl, Consumer<SessionId> opener) {
        this.ctx = ctx;
        this.provider = provider;
        this.id = id;
        this.key = SessionKey.of(provider, id.value());
        this.baseUrl = baseUrl;
        this.composer = new ComposerViewModel(ctx.ui(), ctx.io());
        this.working = new WorkingViewModel(ctx.clock());
        this.steering = new Steering(this);
        this.title = new SessionTitle(provider, id);
        this.needs = new NeedsMeTracker(this);
        this.details = new SessionDetailsViewModel(ctx.ui(), ctx.io(), ctx.clock(), ZoneId.systemDefault(), opener);
        state.addListener((o, was, now) -> refreshAbilities());
        agentStatus.addListener((o, was, now) -> {
            refreshAbilities();
            working.status(now);
            steering.statusChanged(now);
        });
        new ComposerDrafts(composer, key, ctx.store(), ctx.ui(), ctx.io(), notice::set);
        transcript.setSaving(ctx.store().get().mode() == dev.agentconsole.store.Store.Mode.SAVING); // rows say when they are not kept
    }

    // ---- identity -------------------------------------------------------------------------------

    public Provider provider() {
        return provider;
    }

    public SessionId id() {
        return id;
    }

    public SessionKey key() {
        return key;
    }

    /** Where the session lives: "" for the demo (its emulator changes port every run) and the default. */
    public String baseUrl() {
        return baseUrl;
    }

    // ---- outputs --------------------------------------------------------------------------------

    public TranscriptViewModel transcript() {
        return transcript;
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
        return steering.held();
    }

    /** Its title in the sidebar: the operator's, else the task's first line, else the provider and id. */
    public SessionTitle title() {
        return title;
    }

    public SessionDetailsViewModel details() {
        return details;
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

    /** What went wrong with the last command or binding, in words; empty when nothing did. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last thing the agent said or did, one line, for the wall's tile. */
    public ReadOnlyStringProperty lastLineProperty() {
        return lastLine.getReadOnlyProperty();
    }

    /** The last screenshot the agent showed (a data URI or an address), for the wall's tile; "" for none. */
    public ReadOnlyStringProperty lastPictureProperty() {
        return lastPicture.getReadOnlyProperty();
    }

    /** The agent's events that came live while the session was not in front (its history does not count). */
    void arrived(long rows) {
        if (!frontWrapper.get() && rows > 0) {
            unread.set(unread.get() + (int) rows);
        }
    }

    /** It waits for an API key (none in the environment, none typed yet): the view asks for one. */
    public ReadOnlyBooleanProperty keyNeededProperty() {
        return reading.keyNeeded.getReadOnlyProperty();
    }

    /** Closing it now would leave messages unsent (queued, uncertain or held): asks first; else runs {@code close}. */
    public void closeOrAsk(Runnable close) {
        steering.closeOrAsk(close);
    }

    /** Rows that came while the session was not in front. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    /** Why it waits for the operator, or null when it does not. */
    public ReadOnlyObjectProperty<NeedsMe> needsMeProperty() {
        return needs.needsMeProperty();
    }

    /** Its wait was read back from the store (a restart), not seen live: the desktop is not told again. */
    public boolean needsMeFromHistory() {
        return needs.fromHistory();
    }

    /** Since when it waits for the operator, or null when it does not. */
    public ReadOnlyObjectProperty<Instant> waitingSinceProperty() {
        return needs.sinceProperty();
    }

    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return steering.confirmationProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return can.canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return can.canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return can.canStop.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canForceAnswerProperty() {
        return can.canForceAnswer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return can.canSend.getReadOnlyProperty();
    }

    /** True while the session is the one in front of the operator. */
    public ReadOnlyBooleanProperty inFrontProperty() {
        return frontWrapper.getReadOnlyProperty();
    }

    /** The session is the one in front of the operator: what comes is read as it comes. */
    public void setInFront(boolean front) {
        frontWrapper.set(front);
        if (front) {
            unread.set(0);
        }
    }

    public boolean isInFront() {
        return frontWrapper.get();
    }

    // ---- binding ----------------------------------------------------------------------------------

    /** Starts reading through {@code backend} (a new one replaces the last): history, outbox, then the live stream. */
    public void attach(AgentBackend backend) {
        reading.attach(backend);
    }

    /**
     * No backend can be had yet (no key: it lives in memory only): the stored history and outbox show,
     * and what was still to be sent waits, visibly, until the key is typed and Connect pressed.
     */
    public void showWaiting(String why) {
        reading.showWaiting(why);
    }

    /** Binding failed before any read (a bad URL, a refused key): the reason shows in the transcript. */
    public void bindingFailed(String message) {
        reading.bindingFailed(message);
    }

    /** Stops reading: calls in flight are cancelled, held messages go back into the composer. Typed text stays. */
    public void detach() {
        reading.detach();
    }

    /** The session leaves the window. */
    public void close() {
        reading.detach();
    }

    /** The controller reading the session, or null while none is attached. */
    SessionController controller() {
        return reading.controller();
    }

    /**
     * The bytes of an image an event names by URL, fetched through this session's backend (its key goes to
     * the provider's own origin only). Blocks: the image loader's thread calls it.
     *
     * @throws IllegalStateException with the reason the operator reads, when it cannot be had
     */
    public byte[] fetchImage(String url) {
        return reading.fetchImage(url);
    }

    /** Reads the details popover's figures. */
    public void loadDetails() {
        reading.loadDetails();
    }

    // ---- commands -----------------------------------------------------------------------------------

    /** Sends the typed message (asking first when it would resume, restart or steer: see {@link SendGuard}). */
    public void send() {
        steering.send();
    }

    /** Sends the queued lines as one batch (H) or one by one in order (AGI). */
    public void sendQueue() {
        steering.sendQueue();
    }

    /**
     * Sends {@code text} as a reply from outside the composer (the inbox), asking first as a send
     * from the composer would. Empty when it was handed over or a question now stands; else why not.
     */
    public Optional<String> reply(String text) {
        return steering.reply(text);
    }

    /** "Back to the composer": the held messages are no longer held, and wait in the composer. */
    public void unhold() {
        steering.putBackHeld();
    }

    /** The operator picked a choice of the pending confirmation. */
    public void choose(Confirmation.Choice choice) {
        steering.choose(choice);
    }

    /** Esc: the pending question is dismissed (nothing typed is lost). */
    public void dismissConfirmation() {
        steering.dismissConfirmation();
    }

    public void resend(long deliveryId) {
        if (controller() != null) {
            controller().resend(deliveryId);
        }
    }

    public void drop(long deliveryId) {
        if (controller() != null) {
            controller().drop(deliveryId);
        }
    }

    /** Reply to a question: it is quoted above the composer, which the view focuses. */
    public void replyTo(String question) {
        composer.replyTo(question);
    }

    public void pauseOrResume() {
        steering.pauseOrResume();
    }

    /** Pauses at once, without asking (the wall's "Pause all"); false when it cannot be paused now. */
    public boolean pause() {
        return steering.pause();
    }

    /** Asks first: stopping ends an H session, and cancels an AGI task (see {@link SendGuard#beforeStop}). */
    public void requestStop() {
        steering.requestStop();
    }

    /** Stops at once (the wall's "Stop all", asked once for all); false when it cannot be stopped now. */
    public boolean stop() {
        return steering.stop();
    }

    public void forceAnswer() {
        steering.forceAnswer();
    }

    /** Called every few seconds: marks the session stale when the server has been silent too long. */
    public void checkStale() {
        boolean live = state.get() == ConnectionState.LIVE || state.get() == ConnectionState.RECONNECTING;
        stale.set(live && Duration.between(reading.lastContact, ctx.clock().get()).compareTo(STALE_AFTER) > 0);
    }

    void refreshAbilities() {
        can.refresh(controller(), state.get(), agentStatus.get(), provider);
    }

    /** For the window's title and accessibility: a one-line description. */
    public String describe() {
        return provider.displayName() + " · " + title.get();
    }
}
