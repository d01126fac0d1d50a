package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.session.Delivery;
import dev.agentconsole.session.DeliveryState;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Keeps what {@link NeedsMe#of} reads for one session as its events, deliveries and status come,
 * and says since when the session waits. A new wait (another question, another reason) starts the
 * clock again. Toolkit-free; the UI thread only.
 */
final class NeedsMeTracker {

    private final SessionViewModel session;
    private final ReadOnlyObjectWrapper<NeedsMe> needsMe = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> since = new ReadOnlyObjectWrapper<>();
    private final Set<Long> undelivered = new HashSet<>();
    private Optional<String> asked = Optional.empty();
    private boolean question;
    /** Set while a page of events is applied: the page is judged whole (a status may come before its question). */
    private boolean holding;
    private Optional<String> ended = Optional.empty();
    private Optional<String> budget = Optional.empty();

    NeedsMeTracker(SessionViewModel session) {
        this.session = session;
        session.agentStatus.addListener((o, was, now) -> update());
        session.state.addListener((o, was, now) -> update());
    }

    ReadOnlyObjectProperty<NeedsMe> needsMeProperty() {
        return needsMe.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Instant> sinceProperty() {
        return since.getReadOnlyProperty();
    }

    /** The agent asked ({@code question}) or answered: the text the inbox shows while it waits. */
    void asked(String text, boolean question, Instant at) {
        asked = Optional.of(text);
        askedAt = at;
        this.question = question;
        ended = Optional.empty();
        update();
    }

    /** The agent moves again on the operator's word: what it asked is answered. */
    void operatorSpoke() {
        budget = Optional.empty();
        update();
    }

    void delivery(Delivery d) {
        boolean trouble = d.state() == DeliveryState.FAILED || d.state() == DeliveryState.UNCERTAIN;
        boolean changed = trouble ? undelivered.add(d.id()) : undelivered.remove(d.id());
        if (trouble && d.cause().filter(AgentError.BudgetExhausted.class::isInstance).isPresent()) {
            budget = d.cause().map(AgentError::summary);
            changed = true;
        }
        if (changed) {
            update();
        }
    }

    void failed(String why) {
        ended = Optional.of(why);
        update();
    }

    void commandFailed(AgentError error) {
        if (error instanceof AgentError.BudgetExhausted) {
            budget = Optional.of(error.summary());
            update();
        }
    }

    void reset() {
        undelivered.clear();
        asked = Optional.empty();
        question = false;
        ended = Optional.empty();
        budget = Optional.empty();
        update();
    }

    /** Set while the stored history is applied: a wait found there is not news, and it began when it was asked. */
    private boolean replaying;
    private boolean fromHistory;
    private Instant askedAt;

    /** Applies a page of events, then judges once. */
    void whole(Runnable page, boolean history) {
        holding = true;
        replaying = history;
        try {
            page.run();
        } finally {
            holding = false;
        }
        update();
        replaying = false;
    }

    /** The current wait was read back from the store, not seen live. */
    boolean fromHistory() {
        return fromHistory;
    }

    private void update() {
        if (holding) {
            return;
        }
        NeedsMe now = NeedsMe.of(session.agentStatus.get(), session.state.get(), asked, question, undelivered.size(), ended, budget)
                .orElse(null);
        if (!Objects.equals(now, needsMe.get())) {
            fromHistory = replaying;
            Instant clock = session.ctx.clock().get();
            // read back from the store, it has waited since it asked (never later than now: the server's clock may run ahead)
            since.set(now == null ? null : replaying && askedAt != null && askedAt.isBefore(clock) ? askedAt : clock);
            needsMe.set(now);
        }
    }
}
