package dev.agentconsole.ui.workspace;

import dev.agentconsole.ui.session.SessionViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * "Needs me": the open sessions that wait for the operator, the longest wait first, and a line that
 * says how many wait. It follows each session's {@link SessionViewModel#needsMeProperty()}; the rule
 * of what counts as waiting is the session's own. Toolkit-free; the UI thread only.
 */
public final class Inbox {

    private final ObservableList<SessionViewModel> waiting = FXCollections.observableArrayList();
    private final ObservableList<SessionViewModel> waitingView = FXCollections.unmodifiableObservableList(waiting);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<SessionViewModel> sessions;

    Inbox(ObservableList<SessionViewModel> sessions) {
        this.sessions = sessions;
        sessions.addListener((ListChangeListener<SessionViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(s -> {
                    s.needsMeProperty().addListener((o, was, now) -> update());
                    s.waitingSinceProperty().addListener((o, was, now) -> update());
                });
            }
            update();
        });
    }

    /** The sessions waiting for the operator, the longest wait first. */
    public ObservableList<SessionViewModel> waiting() {
        return waitingView;
    }

    /** "3 agents are waiting for you"; empty when none is. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void update() {
        List<SessionViewModel> now = new ArrayList<>(sessions.stream().filter(s -> s.needsMeProperty().get() != null).toList());
        now.sort(Comparator.comparing(s -> s.waitingSinceProperty().get() == null ? Instant.MAX : s.waitingSinceProperty().get()));
        if (!now.equals(waiting)) {
            waiting.setAll(now);
        }
        int n = now.size();
        summary.set(n == 0 ? "" : n == 1 ? "1 agent is waiting for you" : n + " agents are waiting for you");
    }
}
