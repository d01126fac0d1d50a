package dev.agentconsole.ui.search;

import dev.agentconsole.store.SearchHit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Ctrl+Shift+F: every stored session searched at once, best matches first, each hit with its
 * session's name and a snippet; opening a hit binds the window to its session and shows the row.
 * While the events stored before search existed are still being indexed, the status says how far.
 * Called on the UI thread.
 */
public final class SearchPanelViewModel {

    /** The store's search, off the UI thread. */
    public interface Searcher {
        CompletableFuture<List<SearchHit>> search(String query);

        /** How far indexing has come. */
        SearchHit.Progress progress();
    }

    /** How many hits are shown. */
    public static final int LIMIT = 100;

    private final Searcher searcher;
    private final Executor ui;
    private final Consumer<SearchHit> opener;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<SearchHit> readOnlyHits = FXCollections.unmodifiableObservableList(hits);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private long generation;

    public SearchPanelViewModel(Searcher searcher, Executor ui, Consumer<SearchHit> opener) {
        this.searcher = searcher;
        this.ui = ui;
        this.opener = opener;
        query.addListener((o, was, now) -> search());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<SearchHit> hits() {
        return readOnlyHits;
    }

    /** "12 hits", "no match", "indexing stored events… 45%", or a failure. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void search() {
        long asked = ++generation;
        String typed = query.get() == null ? "" : query.get();
        if (typed.isBlank()) {
            hits.clear();
            status.set(indexing());
            return;
        }
        searcher.search(typed).whenComplete((found, failure) -> ui.execute(() -> {
            if (asked != generation) {
                return;
            }
            if (failure != null) {
                hits.clear();
                status.set("search failed: " + (failure.getCause() != null ? failure.getCause() : failure).getMessage());
                return;
            }
            hits.setAll(found);
            String counted = found.isEmpty() ? "no match" : found.size() >= LIMIT ? "the best " + LIMIT + " hits"
                    : found.size() + (found.size() == 1 ? " hit" : " hits");
            String more = indexing();
            status.set(more.isEmpty() ? counted : counted + " · " + more);
        }));
    }

    private String indexing() {
        SearchHit.Progress p = searcher.progress();
        return p.complete() ? "" : String.format(Locale.ROOT, "indexing stored events… %d%%",
                p.total() == 0 ? 100 : p.done() * 100 / p.total());
    }

    /** Opens the session of a hit, at the hit. */
    public void open(SearchHit hit) {
        if (hit != null) {
            opener.accept(hit);
        }
    }
}
