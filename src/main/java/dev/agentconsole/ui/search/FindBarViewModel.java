package dev.agentconsole.ui.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Ctrl+F in the bound session: what the operator types is searched (the store's full-text index
 * for the agent's events, the same matching for the rows the console added), the matching rows
 * are marked in the transcript, and next / previous walk them ("3 of 41"). Results of an older
 * query that arrive late are dropped. Called on the UI thread.
 */
public final class FindBarViewModel {

    /** Finds the transcript rows (their keys, in transcript order) that match; completes off the UI thread. */
    @FunctionalInterface
    public interface Finder {
        CompletableFuture<List<String>> rowKeys(String query);
    }

    private final Finder finder;
    private final Executor ui;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    private final ReadOnlyObjectWrapper<String> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<String> matches = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyMatches = FXCollections.unmodifiableObservableList(matches);
    private final ReadOnlyBooleanWrapper canMove = new ReadOnlyBooleanWrapper(this, "canMove");
    private int index = -1;
    private long generation;

    public FindBarViewModel(Finder finder, Executor ui) {
        this.finder = finder;
        this.ui = ui;
        query.addListener((o, was, now) -> search());
    }

    /** What the operator types. */
    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** "3 of 41", "no match", or "" before anything is typed. */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The key of the match in view, or null. */
    public ReadOnlyObjectProperty<String> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Every matching row's key, in transcript order. */
    public ObservableList<String> matches() {
        return readOnlyMatches;
    }

    public ReadOnlyBooleanProperty canMoveProperty() {
        return canMove.getReadOnlyProperty();
    }

    /** Ctrl+F: shows the bar (searching again what it holds: the transcript may have grown). */
    public void open() {
        showing.set(true);
        search();
    }

    /** Esc: hides the bar and the marks; what was typed stays for next time. */
    public void close() {
        showing.set(false);
        generation++;
        matches.clear();
        index = -1;
        current.set(null);
        canMove.set(false);
        count.set("");
    }

    /** Searches again (the transcript changed, another session was bound). */
    public void search() {
        if (!showing.get()) {
            return;
        }
        long asked = ++generation;
        String typed = query.get() == null ? "" : query.get();
        if (typed.isBlank()) {
            show(asked, List.of());
            return;
        }
        finder.rowKeys(typed).whenComplete((keys, failure) -> ui.execute(() -> {
            if (failure != null) {
                if (asked == generation) {
                    matches.clear();
                    current.set(null);
                    canMove.set(false);
                    count.set("search failed: " + (failure.getCause() != null ? failure.getCause() : failure).getMessage());
                }
                return;
            }
            show(asked, keys);
        }));
    }

    private void show(long asked, List<String> keys) {
        if (asked != generation) {
            return; // an older query's answer
        }
        String was = current.get();
        matches.setAll(keys);
        index = was != null && keys.contains(was) ? keys.indexOf(was) : keys.isEmpty() ? -1 : 0;
        current.set(index < 0 ? null : keys.get(index));
        canMove.set(keys.size() > 1);
        String typed = query.get() == null ? "" : query.get();
        count.set(typed.isBlank() ? "" : keys.isEmpty() ? "no match" : (index + 1) + " of " + keys.size());
    }

    /** Enter: the next match (after the last, the first). */
    public void next() {
        move(1);
    }

    /** Shift+Enter: the previous match. */
    public void previous() {
        move(-1);
    }

    private void move(int delta) {
        if (matches.isEmpty()) {
            return;
        }
        index = (index + delta + matches.size()) % matches.size();
        current.set(matches.get(index));
        count.set((index + 1) + " of " + matches.size());
    }
}
