package dev.agentconsole.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a session whole for an export, and the sessions there are to export. */
final class Archives {

    private final StoreThread store;
    private final Attachments attachments;

    Archives(StoreThread store, Attachments attachments) {
        this.store = store;
        this.attachments = attachments;
    }

    /** Every session with a row or a stored event, most recently opened first. */
    List<SessionKey> sessions() {
        return store.read(() -> {
            List<SessionKey> keys = new ArrayList<>();
            try (PreparedStatement p = store.db.prepareStatement("SELECT provider, session_id FROM sessions "
                    + "ORDER BY opened_at DESC, provider, session_id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    keys.add(new SessionKey(r.getString(1), r.getString(2)));
                }
            }
            return keys;
        });
    }

    /** The whole session, or empty when the store knows nothing of it. */
    Optional<Archive> read(SessionKey key) {
        return store.read(() -> {
            String baseUrl = "";
            long next = 0;
            Instant opened = Instant.EPOCH;
            boolean known = false;
            try (PreparedStatement p = store.db.prepareStatement("SELECT base_url, next_position, opened_at FROM sessions "
                    + "WHERE provider = ? AND session_id = ?")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        known = true;
                        baseUrl = r.getString(1);
                        next = r.getLong(2);
                        opened = Instant.ofEpochMilli(r.getLong(3));
                    }
                }
            }
            List<Archive.Event> events = events(key);
            List<Archive.Delivery> deliveries = deliveries(key);
            if (!known && events.isEmpty() && deliveries.isEmpty()) {
                return Optional.<Archive>empty();
            }
            return Optional.of(new Archive(key, baseUrl, next, opened, events, deliveries));
        });
    }

    private List<Archive.Event> events(SessionKey key) throws SQLException {
        try (PreparedStatement p = store.db.prepareStatement("SELECT position, ordinal, kind, body FROM events "
                + "WHERE provider = ? AND session_id = ? ORDER BY position, ordinal")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            p.setFetchSize(1000);
            List<Archive.Event> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long position = r.getLong(1);
                    String kind = r.getString(3);
                    String body = r.getString(4);
                    out.add(new Archive.Event(position, r.getInt(2), kind, body, EventCodec.decode(kind, position, body)));
                }
            }
            return out;
        }
    }

    private List<Archive.Delivery> deliveries(SessionKey key) throws SQLException {
        try (PreparedStatement p = store.db.prepareStatement("SELECT id, body, state, cause, attempts, sent_after, "
                + "created_at, updated_at FROM outbox WHERE provider = ? AND session_id = ? ORDER BY id")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            List<Archive.Delivery> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Archive.Delivery(r.getLong(1), EventCodec.decodeOutgoing(r.getString(2), attachments::get),
                            r.getString(3), Optional.ofNullable(r.getString(4)), r.getInt(5), r.getLong(6),
                            Instant.ofEpochMilli(r.getLong(7)), Instant.ofEpochMilli(r.getLong(8))));
                }
            }
            return out;
        }
    }
}
