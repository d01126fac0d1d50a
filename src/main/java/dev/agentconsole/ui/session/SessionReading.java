package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.session.SessionController;
import dev.agentconsole.ui.chat.TranscriptViewModel;
import java.time.Instant;

/**
 * How one session is read: the controller attached to it (or none: waiting for a key, failed, let
 * go), and the binding count that drops what an older controller reports. The UI thread only,
 * except {@link #fetchImage}.
 */
final class SessionReading {

    private final SessionViewModel s;
    /** Written on the UI thread; volatile, as the image loader reads it on its own. */
    private volatile SessionController controller;
    /** Moves on at every attach and detach: what an older controller reports is dropped. */
    long generation;
    /** When the server last answered, for the stale mark. */
    Instant lastContact = Instant.EPOCH;
    /** No key was at hand: the session shows what is stored and waits for one. */
    final javafx.beans.property.ReadOnlyBooleanWrapper keyNeeded = new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    SessionReading(SessionViewModel session) {
        this.s = session;
    }

    /** Starts reading through {@code backend} (a new one replaces the last): history, outbox, then the live stream. */
    void attach(AgentBackend backend) {
        detach();
        keyNeeded.set(false);
        long gen = ++generation;
        s.notice.set("");
        s.transcript.clear();
        s.working.clear();
        s.steering.reset();
        s.needs.reset();
        s.metrics.set("");
        s.liveViewUrl.set("");
        s.composer.setRules(backend.rules(), s.provider() == Provider.AGI ? "AGI" : "H");
        lastContact = s.ctx.clock().get();
        s.state.set(ConnectionState.CONNECTING);
        s.transcript.setPhase(TranscriptViewModel.Phase.LOADING);
        s.ctx.store().get().touch(s.key(), s.baseUrl());
        controller = new SessionController(backend, s.id(), new SessionRelay(s, gen), SessionViewModel.LONG_POLL, s.ctx.store().get());
        controller.start();
        s.refreshAbilities();
    }

    /**
     * No backend can be had yet (no key: it lives in memory only): the stored history and outbox show,
     * and what was still to be sent waits, visibly, until the key is typed and Connect pressed.
     */
    void showWaiting(String why) {
        detach();
        keyNeeded.set(true);
        long gen = generation;
        s.transcript.clear();
        StoredSession.load(s, gen, why);
    }

    /** Binding failed before any read (a bad URL, a refused key): the reason shows in the s.transcript. */
    void bindingFailed(String message) {
        if (controller != null) {
            return; // a late failure of an older attempt: the session is being read now
        }
        s.notice.set(message);
        s.transcript.setPhase(TranscriptViewModel.Phase.UNBOUND);
        s.transcript.addError("could not connect: " + message);
    }

    /** Stops reading: calls in flight are cancelled, held messages go back into the s.composer. Typed text stays. */
    void detach() {
        s.steering.putBackHeld();
        generation++;
        SessionController c = controller;
        controller = null;
        if (c != null) {
            c.halt(); // nothing more leaves from it, now: the next binding may restore the same outbox
            s.ctx.io().execute(c::close);
        }
        s.state.set(ConnectionState.DISCONNECTED);
        s.transcript.setPhase(TranscriptViewModel.Phase.UNBOUND);
        s.agentStatus.set(AgentStatus.UNKNOWN);
        s.statusLabel.set("not connected");
        s.stale.set(false);
        s.steering.dismissConfirmation();
        s.composer.setRules(null, "H");
        s.details().clear();
        s.refreshAbilities();
    }

    /** The controller reading the session, or null while none is attached. */
    SessionController controller() {
        return controller;
    }

    /**
     * The bytes of an image an event names by URL, fetched through this session's backend (its key
     * goes to the provider's own origin only). Blocks: the image loader's thread calls it.
     *
     * @throws IllegalStateException with the reason the operator reads, when it cannot be had
     */
    byte[] fetchImage(String url) {
        SessionController bound = controller;
        if (bound == null) {
            throw new IllegalStateException("the session is not connected: connect it to fetch the picture");
        }
        try {
            return bound.backend().image(url).bytes();
        } catch (AgentException e) {
            throw new IllegalStateException(e.error().summary(), e);
        }
    }

    /** Reads the details popover's figures. */
    void loadDetails() {
        SessionController c = controller;
        if (c != null) {
            s.details().load(() -> c.backend().details(c.session()));
        }
    }
}
