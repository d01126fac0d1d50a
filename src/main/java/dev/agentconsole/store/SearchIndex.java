package dev.agentconsole.store;

import dev.agentconsole.agent.AgentEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The full-text index (SQLite FTS5, {@link Schema#V3}) over the events {@link SearchText#KINDS}
 * names: kept in step by {@link History#append} in the same transaction, and filled after opening,
 * a chunk at a time on the store's thread, with the events stored before it existed (reads and
 * writes asked for meanwhile run between chunks). A store opened read-only whose file has no
 * complete index builds one in memory ({@code temp}) the same way, so searching still works.
 */
final class SearchIndex {

    /** Events per transaction while filling: big enough to be quick, small enough to let other work through. */
    static final int CHUNK = 2000;

    private final StoreThread store;
    private final List<Consumer<SearchHit.Progress>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> complete = new CompletableFuture<>();
    /** {@code main} (the file's index) or {@code temp} (built in memory for a read-only file). */
    private volatile String schema = "main";
    private volatile SearchHit.Progress progress = new SearchHit.Progress(0, 0);
    /** Scopes by session, the most recent few hundred. */
    private final Map<SessionKey, String> scopes = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<SessionKey, String> eldest) {
                    return size() > 256;
                }
            });

    SearchIndex(StoreThread store) {
        this.store = store;
    }

    /** Decides where the index is and starts filling it if events wait; on opening. */
    void start(Store.Mode mode) {
        store.execute(() -> {
            try {
                if (mode == Store.Mode.READ_ONLY && !completeOnFile()) {
                    schema = "temp";
                    try (Statement s = store.db.createStatement()) {
                        for (String sql : Schema.V3) {
                            s.execute(sql.replace("CREATE VIRTUAL TABLE search", "CREATE VIRTUAL TABLE temp.search")
                                    .replace("CREATE TABLE search_backlog", "CREATE TEMP TABLE search_backlog")
                                    .replace("INSERT INTO search_backlog", "INSERT INTO temp.search_backlog")
                                    .replace("FROM events", "FROM main.events"));
                        }
                    }
                }
                long waiting = waiting();
                progress = new SearchHit.Progress(0, waiting);
                if (waiting == 0) {
                    complete.complete(null);
                } else {
                    filling(true);
                    store.execute(this::fillChunk);
                }
            } catch (SQLException e) {
                System.getLogger("store").log(System.Logger.Level.WARNING, "search is not available: " + e.getMessage());
                complete.complete(null);
            }
        });
    }

    /**
     * While filling: a bigger page cache (FTS5 merges its segments through it) and merges of more
     * segments at once; back to SQLite's defaults after.
     */
    private void filling(boolean on) {
        try (Statement s = store.db.createStatement()) {
            s.execute("PRAGMA cache_size = " + (on ? -32768 : -2000));
        } catch (SQLException e) {
            System.getLogger("store").log(System.Logger.Level.DEBUG, "cache size unchanged: " + e.getMessage());
        }
    }

    private void finished() {
        filling(false);
        complete.complete(null);
    }

    private boolean completeOnFile() throws SQLException {
        try (Statement s = store.db.createStatement(); ResultSet r = s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('search', 'search_backlog')")) {
            if (r.getInt(1) < 2) {
                return false;
            }
        }
        try (Statement s = store.db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM main.search_backlog")) {
            return r.getInt(1) == 0;
        }
    }

    private long waiting() throws SQLException {
        try (Statement s = store.db.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + schema + ".search_backlog")) {
            return r.getLong(1);
        }
    }

    void onProgress(Consumer<SearchHit.Progress> listener) {
        listeners.add(listener);
    }

    SearchHit.Progress progress() {
        return progress;
    }

    /** Completes when every stored event is in the index. */
    CompletableFuture<Void> complete() {
        return complete;
    }

    /** One chunk of the events stored before the index, in one transaction; then the next, behind other work. */
    private void fillChunk() {
        int[] done = {0};
        boolean saved = store.attempt("the search index", () -> store.inTransaction(() -> {
            Object[] last = null;
            int count = 0;
            try (PreparedStatement p = store.db.prepareStatement("SELECT b.provider, b.session_id, b.position, b.ordinal, "
                    + "e.kind, e.body FROM " + schema + ".search_backlog b LEFT JOIN main.events e USING (provider, "
                    + "session_id, position, ordinal) ORDER BY b.provider, b.session_id, b.position, b.ordinal LIMIT " + CHUNK);
                 PreparedStatement insert = insertStatement()) {
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        SessionKey key = new SessionKey(r.getString(1), r.getString(2));
                        long position = r.getLong(3);
                        int ordinal = r.getInt(4);
                        if (r.getString(6) != null) {
                            add(insert, key, EventCodec.decode(r.getString(5), position, r.getString(6)), ordinal);
                        }
                        last = new Object[] {key.provider(), key.sessionId(), position, ordinal};
                        count++;
                    }
                }
            }
            if (last != null) {
                // the chunk was read in key order: everything up to its last key is done
                try (PreparedStatement d = store.db.prepareStatement("DELETE FROM " + schema + ".search_backlog WHERE "
                        + "(provider, session_id, position, ordinal) <= (?, ?, ?, ?)")) {
                    for (int i = 0; i < last.length; i++) {
                        d.setObject(i + 1, last[i]);
                    }
                    d.executeUpdate();
                }
            }
            done[0] = count;
            return null;
        }));
        if (!saved) {
            finished(); // reported to the operator; search covers what was indexed
            return;
        }
        SearchHit.Progress now = new SearchHit.Progress(Math.min(progress.total(), progress.done() + done[0]), progress.total());
        if (done[0] < CHUNK) {
            now = new SearchHit.Progress(now.total(), now.total());
        }
        progress = now;
        SearchHit.Progress told = now;
        listeners.forEach(l -> l.accept(told));
        if (now.complete()) {
            finished();
        } else if (!store.execute(this::fillChunk)) {
            complete.complete(null); // closing
        }
    }

    /** In the caller's transaction: a statement that {@link #add}s events. */
    PreparedStatement insertStatement() throws SQLException {
        return store.db.prepareStatement("INSERT INTO " + schema + ".search(body, tail, scope, provider, session_id, "
                + "position, ordinal, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Indexes one event just stored (in the caller's transaction); kinds the index does not hold are skipped. */
    void add(PreparedStatement insert, SessionKey key, AgentEvent event, int ordinal) throws SQLException {
        Optional<String> text = SearchText.of(event);
        if (text.isEmpty()) {
            return;
        }
        SearchText.Indexed indexed = SearchText.index(text.get());
        if (indexed.isEmpty()) {
            return;
        }
        insert.setString(1, indexed.body());
        insert.setString(2, indexed.tail());
        insert.setString(3, scope(key));
        insert.setString(4, key.provider());
        insert.setString(5, key.sessionId());
        insert.setLong(6, event.position());
        insert.setInt(7, ordinal);
        insert.setString(8, EventCodec.kind(event));
        insert.executeUpdate();
    }

    /** The one token that stands for a session in the {@code scope} column (remembered: indexing asks once per event). */
    String scope(SessionKey key) {
        return scopes.computeIfAbsent(key, k -> "s" + Attachments.sha256(k.provider() + "\u0000" + k.sessionId()).substring(0, 20));
    }

    private String expression(SearchQuery query, Optional<SessionKey> session) {
        String words = query.expression().orElseThrow();
        return session.map(k -> "scope : " + SearchQuery.quote(scope(k)) + " AND " + words).orElse(words);
    }

    /** The best {@code limit} matches, best first, with snippets; in one session or in all. */
    List<SearchHit> search(SearchQuery query, Optional<SessionKey> session, int limit) {
        if (query.isEmpty()) {
            return List.of();
        }
        return store.read(() -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement p = store.db.prepareStatement("SELECT provider, session_id, position, ordinal, kind FROM "
                    + schema + ".search WHERE search MATCH ? ORDER BY rank LIMIT ?")) {
                p.setString(1, expression(query, session));
                p.setInt(2, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Object[] {new SessionKey(r.getString(1), r.getString(2)), r.getLong(3), r.getInt(4),
                                r.getString(5)});
                    }
                }
            }
            Map<SessionKey, String> titles = new HashMap<>();
            List<SearchHit> hits = new ArrayList<>();
            for (Object[] row : rows) {
                SessionKey key = (SessionKey) row[0];
                Optional<AgentEvent> event = event(key, (Long) row[1], (Integer) row[2], (String) row[3]);
                if (event.isEmpty()) {
                    continue;
                }
                String text = SearchText.of(event.get()).orElse("");
                Instant at = event.get().at();
                String title = titles.computeIfAbsent(key, this::title);
                hits.add(new SearchHit(key, title, (Long) row[1], (Integer) row[2], (String) row[3], at,
                        query.snippet(text, 160)));
            }
            return hits;
        });
    }

    /** Every match in one session, in the order of the session. */
    List<SearchHit.Place> places(SessionKey session, SearchQuery query) {
        if (query.isEmpty()) {
            return List.of();
        }
        return store.read(() -> {
            List<SearchHit.Place> places = new ArrayList<>();
            try (PreparedStatement p = store.db.prepareStatement("SELECT position, ordinal, kind FROM " + schema
                    + ".search WHERE search MATCH ?")) {
                p.setString(1, expression(query, Optional.of(session)));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        places.add(new SearchHit.Place(r.getLong(1), r.getInt(2), r.getString(3)));
                    }
                }
            }
            places.sort((a, b) -> a.position() != b.position() ? Long.compare(a.position(), b.position())
                    : Integer.compare(a.ordinal(), b.ordinal()));
            return places;
        });
    }

    private Optional<AgentEvent> event(SessionKey key, long position, int ordinal, String kind) throws SQLException {
        try (PreparedStatement p = store.db.prepareStatement("SELECT body FROM events WHERE provider = ? AND session_id = ? "
                + "AND position = ? AND ordinal = ?")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            p.setLong(3, position);
            p.setInt(4, ordinal);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(EventCodec.decode(kind, position, r.getString(1))) : Optional.empty();
            }
        }
    }

    /** A session's first message (its task), on one line, or "". */
    String title(SessionKey key) {
        try (PreparedStatement p = store.db.prepareStatement("SELECT position, body FROM events WHERE provider = ? "
                + "AND session_id = ? AND kind = 'Message' ORDER BY position, ordinal LIMIT 1")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return "";
                }
                String text = ((AgentEvent.Message) EventCodec.decode("Message", r.getLong(1), r.getString(2))).text();
                String line = text.strip().replaceAll("\\s+", " ");
                return line.length() <= 80 ? line : line.substring(0, 79) + "…";
            }
        } catch (SQLException e) {
            return "";
        }
    }
}
