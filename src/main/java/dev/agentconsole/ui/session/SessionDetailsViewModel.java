package dev.agentconsole.ui.session;

import dev.agentconsole.ui.Formats;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.SessionDetails;
import dev.agentconsole.agent.SessionId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bound session's details popover: who runs it, when it was created, started and finished,
 * what each model used and cost, the cost split, and the subagent sessions (each can be opened).
 * Money is written by {@link Formats#usd}; token counts exactly.
 */
public final class SessionDetailsViewModel {

    public enum State { NOT_LOADED, LOADING, LOADED, FAILED }

    /** Reads the details; blocks. */
    @FunctionalInterface
    public interface Source {
        SessionDetails read();
    }

    /** One model's line: tokens in, out and reasoning, and its cost ("unpriced" when the server gave none). */
    public record UsageRow(String model, String input, String output, String reasoning, String cost) {}

    private final Executor ui;
    private final Executor io;
    private final Supplier<Instant> clock;
    private final ZoneId zone;
    private final Consumer<SessionId> opener;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NOT_LOADED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper agent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper times = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper("");
    private final ObservableList<UsageRow> usage = FXCollections.observableArrayList();
    private final ObservableList<SessionId> subagents = FXCollections.observableArrayList();
    /** Wrappers made once: a wrapper listens weakly, so a fresh one per call could lose its listeners to the GC. */
    private final ObservableList<UsageRow> usageView = FXCollections.unmodifiableObservableList(usage);
    private final ObservableList<SessionId> subagentsView = FXCollections.unmodifiableObservableList(subagents);
    private Source last;
    private long generation;

    /** @param opener binds the window to another session (a subagent's) */
    public SessionDetailsViewModel(Executor ui, Executor io, Supplier<Instant> clock, ZoneId zone, Consumer<SessionId> opener) {
        this.ui = ui;
        this.io = io;
        this.clock = clock;
        this.zone = zone;
        this.opener = opener;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The agent's name, also when the session was created with a whole agent definition. */
    public ReadOnlyStringProperty agentProperty() {
        return agent.getReadOnlyProperty();
    }

    /** Status, steps, outcome and error, as one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Created, started and finished, as the provider tells them. */
    public ReadOnlyStringProperty timesProperty() {
        return times.getReadOnlyProperty();
    }

    /** "$0.0168 (input $0.0108 · output $0.0024 · reasoning $0.0036)", or why there is no cost. */
    public ReadOnlyStringProperty costProperty() {
        return cost.getReadOnlyProperty();
    }

    public ObservableList<UsageRow> usage() {
        return usageView;
    }

    public ObservableList<SessionId> subagents() {
        return subagentsView;
    }

    /** Reads the details with {@code source}; an older read still in flight is dropped. */
    public void load(Source source) {
        last = source;
        long gen = ++generation;
        problem.set("");
        state.set(State.LOADING);
        io.execute(() -> {
            try {
                SessionDetails d = source.read();
                ui.execute(() -> {
                    if (gen == generation) {
                        show(d);
                    }
                });
            } catch (RuntimeException e) {
                String why = e instanceof AgentException a ? a.error().summary() : String.valueOf(e.getMessage());
                ui.execute(() -> {
                    if (gen == generation) {
                        problem.set("could not read the session's details: " + why);
                        state.set(State.FAILED);
                    }
                });
            }
        });
    }

    /** Reads again the way the last load did. */
    public void refresh() {
        if (last != null && state.get() != State.LOADING) {
            load(last);
        }
    }

    /** The window let go of its session: nothing to show. */
    public void clear() {
        generation++;
        last = null;
        problem.set("");
        agent.set("");
        status.set("");
        times.set("");
        cost.set("");
        usage.clear();
        subagents.clear();
        state.set(State.NOT_LOADED);
    }

    /** Binds the window to one of the subagent sessions. */
    public void open(SessionId subagent) {
        if (subagents.contains(subagent)) {
            opener.accept(subagent);
        }
    }

    private void show(SessionDetails d) {
        Instant now = clock.get();
        agent.set(d.agent().isBlank() ? "not named" : d.agent());
        StringBuilder s = new StringBuilder(d.snapshot().statusLabel());
        d.snapshot().steps().ifPresent(n -> s.append(" · ").append(n).append(n == 1 ? " step" : " steps"));
        d.snapshot().outcome().ifPresent(o -> s.append(" · outcome ").append(o));
        d.snapshot().errorCode().ifPresent(c -> s.append(" · ").append(c));
        d.snapshot().error().ifPresent(e -> s.append(": ").append(e));
        status.set(s.toString());
        List<String> t = new ArrayList<>();
        d.createdAt().ifPresent(at -> t.add("created " + Formats.when(at, now, zone)));
        d.startedAt().ifPresent(at -> t.add("started " + Formats.when(at, now, zone)));
        d.finishedAt().ifPresent(at -> t.add("finished " + Formats.when(at, now, zone)));
        times.set(t.isEmpty() ? "not told by the provider" : String.join(" · ", t));
        cost.set(cost(d.cost(), !d.usage().isEmpty()));
        usage.setAll(d.usage().stream().map(u -> new UsageRow(u.model(), Formats.count(u.inputTokens()),
                Formats.count(u.outputTokens()), Formats.count(u.reasoningTokens()),
                u.cost().total().map(Formats::usd).orElse("unpriced"))).toList());
        subagents.setAll(d.subagents());
        state.set(State.LOADED);
    }

    private static String cost(SessionDetails.Cost c, boolean used) {
        if (c.total().isEmpty()) {
            return used && c.isKnown() ? "partly priced: a model has no price" : used ? "unpriced: a model has no price" : "none reported";
        }
        List<String> split = new ArrayList<>();
        c.input().ifPresent(v -> split.add("input " + Formats.usd(v)));
        c.output().ifPresent(v -> split.add("output " + Formats.usd(v)));
        c.reasoning().ifPresent(v -> split.add("reasoning " + Formats.usd(v)));
        return Formats.usd(c.total().get()) + (split.isEmpty() ? "" : " (" + String.join(" · ", split) + ")");
    }
}
