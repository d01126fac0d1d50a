package dev.agentconsole.ui.search;

import dev.agentconsole.store.SearchHit;
import dev.agentconsole.store.SearchQuery;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Finds the transcript rows that match: the agent's events through the store's index (a row's key
 * is "e" + position + ":" + kind, as the transcript makes it), and the rows the console added
 * itself (what the operator sent, its own notes) with the same matching in memory. The rows are
 * read on the calling (UI) thread, the search runs on {@code io}.
 */
public final class TranscriptFinder implements FindBarViewModel.Finder {

    private final Supplier<Store> store;
    private final Supplier<Optional<SessionKey>> bound;
    private final Supplier<List<TranscriptEntry>> rows;
    private final Executor io;

    public TranscriptFinder(Supplier<Store> store, Supplier<Optional<SessionKey>> bound, Supplier<List<TranscriptEntry>> rows,
                            Executor io) {
        this.store = store;
        this.bound = bound;
        this.rows = rows;
        this.io = io;
    }

    /** A row as the search needs it: its key, and its text when no stored event stands behind it. */
    private record Row(String key, String ownText) {}

    @Override
    public CompletableFuture<List<String>> rowKeys(String query) {
        List<TranscriptEntry> entries = rows.get();
        List<Row> snapshot = new ArrayList<>(entries.size());
        for (TranscriptEntry e : entries) {
            snapshot.add(new Row(e.key(), e.key().startsWith("e") ? null : e.copyText()));
        }
        Optional<SessionKey> key = bound.get();
        return CompletableFuture.supplyAsync(() -> {
            Set<String> wanted = new HashSet<>();
            if (key.isPresent()) {
                for (SearchHit.Place p : store.get().find(key.get(), query)) {
                    wanted.add("e" + p.position() + ":" + p.kind());
                }
            }
            SearchQuery parsed = SearchQuery.parse(query);
            List<String> found = new ArrayList<>();
            for (Row r : snapshot) {
                if (r.ownText() == null ? wanted.contains(r.key()) : parsed.matches(r.ownText())) {
                    found.add(r.key());
                }
            }
            return found;
        }, io);
    }
}
