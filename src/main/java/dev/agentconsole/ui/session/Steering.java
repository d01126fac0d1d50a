package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.MessageValidator;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.session.SessionController;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * How one session's messages leave: straight away, after the operator answered a question (the agent
 * is paused, finished, or busy on AGI: {@link SendGuard}), or held until the agent is resumed.
 * Nothing typed is lost: what is held goes back into the composer when the session ends or is let go.
 */
final class Steering {

    private final SessionViewModel session;
    private final HeldMessages held = new HeldMessages();
    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>();

    Steering(SessionViewModel session) {
        this.session = session;
    }

    HeldMessages held() {
        return held;
    }

    ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    void send() {
        session.composer.message().ifPresent(outgoing -> preflight(outgoing, session.composer::sent));
    }

    void sendQueue() {
        session.composer.batch().ifPresent(outgoing -> preflight(outgoing, session.composer::queueSent));
    }

    /** A reply typed outside the composer (the inbox): checked against the provider's rules first. */
    Optional<String> reply(String text) {
        SessionController c = session.controller();
        if (c == null) {
            return Optional.of("not connected: connect the session first");
        }
        if (text == null || text.isBlank()) {
            return Optional.of("type a reply first");
        }
        String caller = session.composer.callerIdProperty().get();
        OutgoingMessage message = OutgoingMessage.text(text.strip());
        Outgoing outgoing = new Outgoing.Single(caller == null || caller.isBlank() || session.provider() == Provider.AGI
                ? message : message.withCallerId(caller.strip()));
        Optional<String> problem = new MessageValidator(c.backend().rules(),
                session.provider() == Provider.AGI ? "AGI" : "H").problemWith(outgoing);
        if (problem.isPresent()) {
            return problem;
        }
        if (SendGuard.beforeSend(session.provider(), session.agentStatus.get(), SendGuard.SendActions.NONE).isPresent()) {
            // it asks first: the words wait in this session's composer, so Cancel or Esc loses nothing
            String typed = session.composer.textProperty().get();
            session.composer.textProperty().set(typed == null || typed.isBlank() ? text.strip() : typed + "\n" + text.strip());
            send();
            return Optional.empty();
        }
        preflight(outgoing, () -> { });
        return Optional.empty();
    }

    /** Messages that have not gone out: queued, sending, uncertain, waiting for a key, or held. */
    int unsent() {
        int rows = (int) session.transcript.entries().stream()
                .filter(e -> e instanceof dev.agentconsole.ui.chat.TranscriptEntry.Operator o && switch (o.state()) {
                    case QUEUED, SENDING, UNCERTAIN, WAITING -> true;
                    default -> false;
                }).count();
        return rows + held.count();
    }

    void closeOrAsk(Runnable close) {
        int n = unsent();
        if (n == 0) {
            close.run();
            return;
        }
        confirmation.set(new Confirmation((n == 1 ? "A message has" : n + " messages have") + " not gone out yet. "
                + "Closing keeps " + (n == 1 ? "it" : "them") + " saved: " + (n == 1 ? "it goes" : "they go")
                + " out when you open this session again (held ones come back into the composer).", java.util.List.of(
                new Confirmation.Choice("Close anyway", false, close),
                new Confirmation.Choice("Keep it open", true, null))));
    }

    /** @param handedOver clears what was sent (or held) from where it was typed */
    private void preflight(Outgoing outgoing, Runnable handedOver) {
        SessionController c = session.controller();
        if (c == null) {
            session.notice.set("not connected: connect to the session first");
            return;
        }
        Provider p = session.provider();
        Runnable send = () -> {
            c.send(outgoing);
            handedOver.run();
        };
        SendGuard.SendActions actions = new SendGuard.SendActions(send, () -> {
            c.stopThenSend(outgoing);
            handedOver.run();
        }, () -> {
            releaseHeld(); // what was held goes first: the agent reads them in the order typed
            c.send(outgoing); // H: a message resumes a paused session; AGI needs the word
            if (p == Provider.AGI) {
                c.resume();
            }
            handedOver.run();
        }, () -> {
            if (session.agentStatus.get() == AgentStatus.PAUSED) {
                held.hold(outgoing);
            } else {
                c.send(outgoing); // it was resumed while the question stood: nothing to wait for
            }
            handedOver.run();
        });
        SendGuard.beforeSend(p, session.agentStatus.get(), actions).ifPresentOrElse(confirmation::set, send);
    }

    /** Held messages wait for the agent to move again, whatever state it was seen in before. */
    void statusChanged(AgentStatus now) {
        if (now != AgentStatus.PAUSED && now != AgentStatus.UNKNOWN && !held.isEmpty()) {
            if (now.isTerminal()) {
                putBackHeld(); // it ended instead: back into the composer
            } else {
                releaseHeld(); // resumed, here or elsewhere
            }
        }
    }

    void releaseHeld() {
        SessionController c = session.controller();
        if (c != null) {
            held.takeAll().forEach(c::send);
        }
    }

    void putBackHeld() {
        held.takeAll().forEach(session.composer::putBack);
    }

    void ask(Confirmation question) {
        confirmation.set(question);
    }

    void choose(Confirmation.Choice choice) {
        confirmation.set(null);
        if (choice.action() != null) {
            choice.action().run();
        }
    }

    void dismissConfirmation() {
        confirmation.set(null);
    }

    /** A new binding: no question of the last one stands. */
    void reset() {
        confirmation.set(null);
    }

    // ---- the agent's controls (the session model checks what it can do now) ----

    void pauseOrResume() {
        if (session.can().canResume.get()) {
            session.controller().resume();
            releaseHeld();
        } else if (session.can().canPause.get()) {
            session.controller().pause();
        }
    }

    boolean pause() {
        if (session.can().canPause.get()) {
            session.controller().pause();
            return true;
        }
        return false;
    }

    void requestStop() {
        if (session.can().canStop.get()) {
            ask(SendGuard.beforeStop(session.provider(), () -> session.controller().stop()));
        }
    }

    boolean stop() {
        if (session.can().canStop.get()) {
            session.controller().stop();
            return true;
        }
        return false;
    }

    void forceAnswer() {
        if (session.can().canForceAnswer.get()) {
            session.controller().forceAnswer();
        }
    }
}
