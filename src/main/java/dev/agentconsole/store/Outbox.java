package dev.agentconsole.store;

import dev.agentconsole.agent.Outgoing;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the operator sends, committed before its first byte leaves, and each delivery state after.
 * A message and the emptied draft it came from are committed together (see {@link #enqueue}).
 */
final class Outbox {

    private final StoreThread store;
    private final Attachments attachments;
    private final Drafts drafts;
    private final AtomicLong nextDelivery;

    Outbox(StoreThread store, Attachments attachments, Drafts drafts) throws SQLException {
        this.store = store;
        this.attachments = attachments;
        this.drafts = drafts;
        try (Statement s = store.db.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(id), 0) FROM outbox")) {
            nextDelivery = new AtomicLong(r.getLong(1) + 1);
        }
    }

    long peekNextDeliveryId() {
        return nextDelivery.get();
    }

    long newDeliveryId() {
        return nextDelivery.getAndIncrement();
    }

    CompletableFuture<Boolean> enqueue(long id, SessionKey key, Outgoing outgoing, String state, long sentAfter) {
        long now = System.currentTimeMillis();
        return store.write("the message before sending it", () -> store.inTransaction(() -> {
            // the composer empties itself as the message goes: the draft on disk must say so in the
            // same commit, or a crash right after it brings the sent words back as a new draft
            try {
                drafts.emptyDraftOf(key, outgoing);
            } catch (java.sql.SQLException | RuntimeException draftTrouble) {
                // the draft is a convenience; the outbox row is what must be committed
                System.getLogger("store").log(System.Logger.Level.WARNING, "the draft could not be emptied with the send: "
                        + draftTrouble.getMessage());
            }
            String body = EventCodec.encode(outgoing, attachments::put);
            try (PreparedStatement p = store.db.prepareStatement("INSERT INTO outbox(id, provider, session_id, body, state, "
                    + "attempts, sent_after, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)")) {
                p.setLong(1, id);
                p.setString(2, key.provider());
                p.setString(3, key.sessionId());
                p.setString(4, body);
                p.setString(5, state);
                p.setLong(6, sentAfter);
                p.setLong(7, now);
                p.setLong(8, now);
                return p.executeUpdate();
            }
        }));
    }

    CompletableFuture<Boolean> update(long id, String state, Optional<String> cause, int attempts) {
        long now = System.currentTimeMillis();
        return store.write("a message's delivery state", () -> {
            try (PreparedStatement p = store.db.prepareStatement(
                    "UPDATE outbox SET state = ?, cause = ?, attempts = ?, updated_at = ? WHERE id = ?")) {
                p.setString(1, state);
                p.setString(2, cause.orElse(null));
                p.setInt(3, attempts);
                p.setLong(4, now);
                p.setLong(5, id);
                return p.executeUpdate();
            }
        });
    }

    List<OutboxRow> rows(SessionKey key, List<String> states) {
        return store.read(() -> {
            String marks = String.join(", ", states.stream().map(s -> "?").toList());
            try (PreparedStatement p = store.db.prepareStatement("SELECT id, body, state, cause, attempts, sent_after "
                    + "FROM outbox WHERE provider = ? AND session_id = ? AND state IN (" + marks + ") ORDER BY id")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                for (int i = 0; i < states.size(); i++) {
                    p.setString(3 + i, states.get(i));
                }
                List<OutboxRow> rows = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Outgoing outgoing = EventCodec.decodeOutgoing(r.getString(2), attachments::get);
                        rows.add(new OutboxRow(r.getLong(1), key, outgoing, r.getString(3),
                                Optional.ofNullable(r.getString(4)), r.getInt(5), r.getLong(6)));
                    }
                }
                return rows;
            }
        });
    }

    /** The messages queued for a session at or after {@code since} (ms), oldest first; on the store's thread. */
    List<Outgoing> queuedSince(SessionKey key, long since) throws SQLException {
        try (PreparedStatement p = store.db.prepareStatement("SELECT body FROM outbox WHERE provider = ? AND session_id = ? "
                + "AND created_at >= ? ORDER BY id")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            p.setLong(3, since);
            List<Outgoing> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(EventCodec.decodeOutgoing(r.getString(1), attachments::get));
                }
            }
            return out;
        }
    }
}
