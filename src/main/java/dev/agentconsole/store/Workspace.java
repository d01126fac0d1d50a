package dev.agentconsole.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The window's open sessions and their order (schema version 4). */
final class Workspace {

    private final StoreThread store;

    Workspace(StoreThread store) {
        this.store = store;
    }

    List<OpenSession> read() {
        return store.read(() -> {
            List<OpenSession> open = new ArrayList<>();
            try (Statement s = store.db.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT provider, session_id, base_url, title, muted, front, profile, colour FROM workspace ORDER BY place")) {
                while (r.next()) {
                    open.add(new OpenSession(new SessionKey(r.getString(1), r.getString(2)), r.getString(3), r.getString(4),
                            r.getInt(5) != 0, r.getInt(6) != 0, r.getString(7), r.getString(8)));
                }
            }
            return open;
        });
    }

    CompletableFuture<Boolean> save(List<OpenSession> open) {
        List<OpenSession> copy = List.copyOf(open);
        return store.write("the open sessions", () -> store.inTransaction(() -> {
            try (Statement s = store.db.createStatement()) {
                s.executeUpdate("DELETE FROM workspace");
            }
            try (PreparedStatement p = store.db.prepareStatement("INSERT INTO workspace(place, provider, session_id, base_url, "
                    + "title, muted, front, profile, colour) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < copy.size(); i++) {
                    OpenSession o = copy.get(i);
                    p.setInt(1, i);
                    p.setString(2, o.key().provider());
                    p.setString(3, o.key().sessionId());
                    p.setString(4, o.baseUrl());
                    p.setString(5, o.title());
                    p.setInt(6, o.muted() ? 1 : 0);
                    p.setInt(7, o.front() ? 1 : 0);
                    p.setString(8, o.profile());
                    p.setString(9, o.colour());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        }));
    }
}
