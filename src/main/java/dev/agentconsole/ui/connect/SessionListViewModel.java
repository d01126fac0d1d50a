package dev.agentconsole.ui.connect;

import dev.agentconsole.ui.Formats;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session picker: the provider's sessions, or why they could not be listed. Every load ends
 * in {@link State#LOADED} or {@link State#FAILED} (an empty list is loaded, not loading), so the
 * picker never spins for good. Network work runs on {@code io}, results come back on {@code ui}.
 */
public final class SessionListViewModel {

    public enum State { NOT_LOADED, LOADING, LOADED, FAILED }

    /** Lists the sessions; blocks, and fails with an exception the operator can read. */
    @FunctionalInterface
    public interface Lister {
        List<SessionSummary> list();
    }

    /**
     * One session as the picker shows it.
     *
     * @param title    status, agent and the first words of its task
     * @param caption  the id, when it was created and when it last did something (or finished)
     */
    public record Row(SessionId id, AgentStatus status, String title, String caption) {}

    private final Executor ui;
    private final Executor io;
    private final Supplier<Instant> clock;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NOT_LOADED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** One wrapper, kept: a wrapper listens weakly, so a fresh one per call could lose its listeners to the GC. */
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private Lister last;
    private long generation;

    public SessionListViewModel(Executor ui, Executor io, Supplier<Instant> clock, ZoneId zone) {
        this.ui = ui;
        this.io = io;
        this.clock = clock;
        this.zone = zone;
        state.addListener((o, was, now) -> canRetry.set(now == State.FAILED));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the last load failed, in the server's words; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** Lists again with {@code lister}; a load still in flight is superseded (its answer is dropped). */
    public void load(Lister lister) {
        last = lister;
        long gen = ++generation;
        problem.set("");
        state.set(State.LOADING);
        io.execute(() -> {
            try {
                List<SessionSummary> listed = lister.list();
                ui.execute(() -> {
                    if (gen == generation) {
                        rows.setAll(rows(listed));
                        state.set(State.LOADED);
                    }
                });
            } catch (RuntimeException e) {
                String why = e instanceof AgentException a ? a.error().summary()
                        : Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
                ui.execute(() -> {
                    if (gen == generation) {
                        rows.clear();
                        problem.set("could not list sessions: " + why);
                        state.set(State.FAILED);
                    }
                });
            }
        });
    }

    /** Lists again the way the last load did. */
    public void retry() {
        if (canRetry.get() && last != null) {
            load(last);
        }
    }

    /** The provider changed: what was listed belongs to the other one. */
    public void clear() {
        generation++;
        rows.clear();
        problem.set("");
        state.set(State.NOT_LOADED);
    }

    private List<Row> rows(List<SessionSummary> listed) {
        Instant now = clock.get();
        List<Row> out = new ArrayList<>(listed.size());
        for (SessionSummary s : listed) {
            StringBuilder title = new StringBuilder(s.statusLabel()).append(" · ")
                    .append(s.agent().isBlank() ? "agent not named" : s.agent());
            s.firstMessage().filter(m -> !m.isBlank()).ifPresent(m -> title.append(" · ")
                    .append(m.length() > 40 ? m.substring(0, 40).strip() + "…" : m));
            StringBuilder caption = new StringBuilder(s.id().value());
            s.createdAt().ifPresent(t -> caption.append(" · created ").append(Formats.when(t, now, zone)));
            if (s.finishedAt().isPresent()) {
                caption.append(" · finished ").append(Formats.ago(s.finishedAt().get(), now, zone));
            } else if (s.lastActivityAt().isPresent()) {
                caption.append(" · last activity ").append(Formats.ago(s.lastActivityAt().get(), now, zone));
            } else {
                s.startedAt().ifPresent(t -> caption.append(" · started ").append(Formats.ago(t, now, zone)));
            }
            out.add(new Row(s.id(), s.status(), title.toString(), caption.toString()));
        }
        return out;
    }
}
