package dev.agentconsole.ui.connect;

import dev.agentconsole.ui.Formats;
import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.Quota;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the account may still start and spend, shown before New: free session slots and the token
 * budget (H). Reads run on {@code io}; while one is in flight, further refreshes collapse into one
 * more read with the newest settings, so typing a key does not fire a request per keystroke.
 */
public final class QuotaViewModel {

    /** {@code NONE}: the provider has no quota to tell (AGI), or nothing was read yet. */
    public enum State { NONE, LOADING, LOADED, FAILED }

    /** Reads the quota with the window's current provider, URL and key; empty when the provider has none. */
    @FunctionalInterface
    public interface Source {
        Optional<Quota.Reading> read();
    }

    private final Executor ui;
    private final Executor io;
    private final Supplier<Instant> clock;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NONE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private boolean reading;
    private Source next;
    private int held;
    private boolean askedWhileHeld;

    public QuotaViewModel(Executor ui, Executor io, Supplier<Instant> clock, ZoneId zone) {
        this.ui = ui;
        this.io = io;
        this.clock = clock;
        this.zone = zone;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** E.g. "3 of 10 session slots free · 800,000 of 5,000,000 tokens left until 24 Nov 00:00"; empty when unknown. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the quota could not be read; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Runs {@code changes} (several settings changing as one) with reads held, then, when one was asked for
     * meanwhile, runs {@code after} (which reads with the settings as they ended); a null {@code after} reads nothing.
     */
    public void holding(Runnable changes, Runnable after) {
        held++;
        try {
            changes.run();
        } finally {
            if (--held == 0) {
                boolean asked = askedWhileHeld;
                askedWhileHeld = false;
                if (asked && after != null) {
                    after.run();
                }
            }
        }
    }

    /** Reads again; call on the UI thread. */
    public void refresh(Source source) {
        if (held > 0) {
            askedWhileHeld = true;
            return;
        }
        next = source;
        if (!reading) {
            readNext();
        }
    }

    private void readNext() {
        Source source = next;
        next = null;
        reading = true;
        if (state.get() != State.LOADED) {
            state.set(State.LOADING);
        }
        io.execute(() -> {
            Optional<Quota.Reading> reading;
            try {
                reading = source.read();
            } catch (RuntimeException e) {
                String why = e instanceof AgentException a ? a.error().summary() : String.valueOf(e.getMessage());
                ui.execute(() -> done(State.FAILED, "", "quota unknown: " + why));
                return;
            }
            ui.execute(() -> done(reading.isPresent() ? State.LOADED : State.NONE,
                    reading.map(r -> describe(r, clock.get(), zone)).orElse(""), ""));
        });
    }

    private void done(State s, String text, String why) {
        reading = false;
        if (next != null) {
            readNext(); // settings changed meanwhile: this answer is already old
            return;
        }
        summary.set(text);
        problem.set(why);
        state.set(s);
    }

    /**
     * Called on the io thread when {@code backend} refused to start work: for a 402 (budget) or a 429
     * (too many sessions) the quota read now, in words to add to the error ("" otherwise).
     */
    public String explainRefusal(AgentError error, AgentBackend backend) {
        if (!(error instanceof AgentError.BudgetExhausted || error instanceof AgentError.RateLimited)) {
            return "";
        }
        try {
            Optional<Quota.Reading> now = backend.quota().map(Quota::read);
            now.ifPresent(r -> ui.execute(() -> {
                summary.set(describe(r, clock.get(), zone));
                state.set(State.LOADED);
            }));
            return now.map(r -> " (quota now: " + describe(r, clock.get(), zone) + ")").orElse("");
        } catch (RuntimeException e) {
            return ""; // the refusal itself is what the operator needs; the quota was extra
        }
    }

    static String describe(Quota.Reading r, Instant now, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        r.sessions().ifPresent(s -> parts.add(s.available() + " of " + s.limit() + " session slots free"));
        r.tokens().ifPresent(t -> {
            if (t.remaining().isPresent() && t.limit().isPresent()) {
                parts.add(Formats.count(t.remaining().get()) + " of " + Formats.count(t.limit().get()) + " tokens left"
                        + t.windowEnd().map(end -> " until " + Formats.when(end, now, zone)).orElse(""));
            } else if (t.limit().isEmpty()) {
                parts.add("no token budget set" + t.used().map(u -> " (" + Formats.count(u) + " used)").orElse(""));
            }
        });
        return String.join(" · ", parts);
    }
}
