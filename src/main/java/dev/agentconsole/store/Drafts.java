package dev.agentconsole.store;

import dev.agentconsole.agent.Outgoing;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the composer holds per session, saved {@value Store#DRAFT_DELAY_MS} ms after the last
 * change (typing saves once per pause, not once per key); the latest asked for reads back at once.
 */
final class Drafts {

    /** Reads the messages queued since a time, to clear a stale draft of words already sent. */
    interface Queued {
        List<Outgoing> since(SessionKey key, long since) throws SQLException;
    }

    private final StoreThread store;
    private final Attachments attachments;
    private Queued queued;
    private final Map<SessionKey, Draft> pending = new LinkedHashMap<>();
    private boolean flushScheduled;

    Drafts(StoreThread store, Attachments attachments) {
        this.store = store;
        this.attachments = attachments;
    }

    /** The outbox, which is built after the drafts (it empties them as it enqueues). */
    void readQueuedFrom(Queued queued) {
        this.queued = queued;
    }

    void save(SessionKey key, Draft draft) {
        if (!store.saving()) {
            return;
        }
        synchronized (pending) {
            pending.put(key, draft);
            if (flushScheduled) {
                return;
            }
            flushScheduled = true;
        }
        store.schedule(this::flush, Store.DRAFT_DELAY_MS); // closing: close() flushes what is pending
    }

    /** On the store's thread, in the enqueue's transaction: the draft without what is being sent. */
    void emptyDraftOf(SessionKey key, Outgoing outgoing) throws SQLException {
        Draft waiting;
        synchronized (pending) {
            waiting = pending.get(key);
        }
        Draft current = waiting != null ? waiting : stored(key).map(StoredDraft::draft).orElse(Draft.EMPTY);
        Draft after = current.afterSending(outgoing);
        if (after.equals(current)) {
            return;
        }
        write(key, after, System.currentTimeMillis());
        synchronized (pending) {
            if (pending.get(key) == waiting && waiting != null) {
                pending.put(key, after); // a later flush must not write the sent words back
            }
        }
    }

    private void write(SessionKey key, Draft d, long now) throws SQLException {
        try (PreparedStatement p = store.db.prepareStatement("INSERT INTO drafts(provider, session_id, text, start_url, "
                + "caller_id, queue, images, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(provider, session_id) "
                + "DO UPDATE SET text = excluded.text, start_url = excluded.start_url, caller_id = excluded.caller_id, "
                + "queue = excluded.queue, images = excluded.images, updated_at = excluded.updated_at")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            p.setString(3, d.text());
            p.setString(4, d.startUrl());
            p.setString(5, d.callerId());
            p.setString(6, EventCodec.encodeLines(d.queue()));
            p.setString(7, EventCodec.encodeLines(d.images().stream().map(attachments::put).toList()));
            p.setLong(8, now);
            p.executeUpdate();
        }
    }

    /** A draft as stored, and when it was written. */
    private record StoredDraft(Draft draft, long updatedAt) {}

    /** The draft row of a session; on the store's thread. */
    private Optional<StoredDraft> stored(SessionKey key) throws SQLException {
        try (PreparedStatement p = store.db.prepareStatement(
                "SELECT text, start_url, caller_id, queue, images, updated_at FROM drafts WHERE provider = ? AND session_id = ?")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredDraft(new Draft(r.getString(1), r.getString(2), r.getString(3),
                        EventCodec.decodeLines(r.getString(4)),
                        EventCodec.decodeLines(r.getString(5)).stream().map(attachments::get).toList()), r.getLong(6)));
            }
        }
    }

    /** Writes what is pending, in one transaction; on the store's thread. */
    void flush() {
        Map<SessionKey, Draft> batch;
        synchronized (pending) {
            batch = new LinkedHashMap<>(pending);
            pending.clear();
            flushScheduled = false;
        }
        if (batch.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        store.attempt("the draft", () -> store.inTransaction(() -> {
            for (Map.Entry<SessionKey, Draft> e : batch.entrySet()) {
                write(e.getKey(), e.getValue(), now);
            }
            return null;
        }));
    }

    Optional<Draft> draft(SessionKey key) {
        synchronized (pending) {
            Draft waiting = pending.get(key);
            if (waiting != null) {
                return Optional.of(waiting);
            }
        }
        return store.read(() -> {
            Optional<StoredDraft> saved = stored(key);
            if (saved.isEmpty()) {
                return Optional.<Draft>empty();
            }
            // a draft older than a message queued from it (a store written before drafts and sends
            // were committed together) holds words already sent: never offer them as new
            Draft draft = saved.get().draft();
            for (Outgoing sent : queued.since(key, saved.get().updatedAt())) {
                draft = draft.afterSending(sent);
            }
            return Optional.of(draft);
        });
    }
}
