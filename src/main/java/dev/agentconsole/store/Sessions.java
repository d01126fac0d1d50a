package dev.agentconsole.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The sessions the console has opened: when (the recent list), where (base URL), and where reading resumes. */
final class Sessions {

    private final StoreThread store;

    Sessions(StoreThread store) {
        this.store = store;
    }

    CompletableFuture<Boolean> touch(SessionKey key, String baseUrl) {
        long now = System.currentTimeMillis();
        return store.write("the session list", () -> {
            try (PreparedStatement p = store.db.prepareStatement("INSERT INTO sessions(provider, session_id, base_url, "
                    + "opened_at) VALUES (?, ?, ?, ?) ON CONFLICT(provider, session_id) DO UPDATE SET "
                    + "base_url = excluded.base_url, opened_at = excluded.opened_at")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                p.setString(3, baseUrl);
                p.setLong(4, now);
                return p.executeUpdate();
            }
        });
    }

    List<String> recent(String provider, int limit) {
        return store.read(() -> {
            try (PreparedStatement p = store.db.prepareStatement(
                    "SELECT session_id FROM sessions WHERE provider = ? ORDER BY opened_at DESC LIMIT ?")) {
                p.setString(1, provider);
                p.setInt(2, limit);
                List<String> ids = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    long position(SessionKey key) {
        return store.read(() -> {
            try (PreparedStatement p = store.db.prepareStatement(
                    "SELECT next_position FROM sessions WHERE provider = ? AND session_id = ?")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }
}
