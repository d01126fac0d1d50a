package dev.agentconsole.store;

import dev.agentconsole.agent.AgentEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every agent event of every session, stored once by its position (and place within it), and
 * put in the search index in the same transaction.
 */
final class History {

    private final StoreThread store;
    private final SearchIndex index;

    History(StoreThread store, SearchIndex index) {
        this.store = store;
        this.index = index;
    }

    CompletableFuture<Boolean> append(SessionKey key, List<AgentEvent> events, long next) {
        return store.write("the agent's events", () -> store.inTransaction(() -> {
            try (PreparedStatement p = store.db.prepareStatement("INSERT OR IGNORE INTO events(provider, session_id, "
                    + "position, ordinal, kind, body) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement search = index.insertStatement()) {
                Map<Long, Integer> ordinals = new HashMap<>();
                for (AgentEvent e : events) {
                    p.setString(1, key.provider());
                    p.setString(2, key.sessionId());
                    p.setLong(3, e.position());
                    int ordinal = ordinals.merge(e.position(), 1, Integer::sum) - 1;
                    p.setInt(4, ordinal);
                    p.setString(5, EventCodec.kind(e));
                    p.setString(6, EventCodec.encode(e));
                    // one by one: a failed batch can leave SQLite's rollback unreported
                    if (p.executeUpdate() == 1) {
                        index.add(search, key, e, ordinal); // only what is new: a page read twice is indexed once
                    }
                }
            }
            try (PreparedStatement p = store.db.prepareStatement("INSERT INTO sessions(provider, session_id, next_position, "
                    + "opened_at) VALUES (?, ?, ?, ?) ON CONFLICT(provider, session_id) DO UPDATE SET "
                    + "next_position = max(next_position, excluded.next_position)")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                p.setLong(3, next);
                p.setLong(4, System.currentTimeMillis());
                p.executeUpdate();
            }
            return null;
        }));
    }

    long tailStart(SessionKey key, int count) {
        return store.read(() -> {
            try (PreparedStatement p = store.db.prepareStatement("SELECT position FROM events WHERE provider = ? "
                    + "AND session_id = ? ORDER BY position DESC, ordinal DESC LIMIT 1 OFFSET ?")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                p.setInt(3, count - 1);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getLong(1) : Long.MIN_VALUE;
                }
            }
        });
    }

    List<AgentEvent> between(SessionKey key, long after, long before) {
        return store.read(() -> {
            try (PreparedStatement p = store.db.prepareStatement("SELECT position, kind, body FROM events WHERE provider = ? "
                    + "AND session_id = ? AND position > ? AND position < ? ORDER BY position, ordinal")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                p.setLong(3, after);
                p.setLong(4, before);
                p.setFetchSize(1000);
                List<AgentEvent> events = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        events.add(EventCodec.decode(r.getString(2), r.getLong(1), r.getString(3)));
                    }
                }
                return events;
            }
        });
    }
}
