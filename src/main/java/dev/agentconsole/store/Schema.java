package dev.agentconsole.store;

import java.util.List;

/** The store's tables, per schema version; {@link StoreFile} migrates a file one version at a time. */
final class Schema {

    private Schema() {}

    static final List<String> V1 = List.of(
            "CREATE TABLE sessions (provider TEXT NOT NULL, session_id TEXT NOT NULL, base_url TEXT NOT NULL DEFAULT '', "
                    + "next_position INTEGER NOT NULL DEFAULT 0, opened_at INTEGER NOT NULL, "
                    + "PRIMARY KEY (provider, session_id))",
            // ordinal: the event's place among the events of one position (a change can carry several)
            "CREATE TABLE events (provider TEXT NOT NULL, session_id TEXT NOT NULL, position INTEGER NOT NULL, "
                    + "ordinal INTEGER NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL, "
                    + "PRIMARY KEY (provider, session_id, position, ordinal)) WITHOUT ROWID",
            "CREATE TABLE attachments (hash TEXT PRIMARY KEY, data_uri TEXT NOT NULL) WITHOUT ROWID",
            // body: the message as JSON, images as attachment hashes
            "CREATE TABLE outbox (id INTEGER PRIMARY KEY, provider TEXT NOT NULL, session_id TEXT NOT NULL, "
                    + "body TEXT NOT NULL, state TEXT NOT NULL, cause TEXT, attempts INTEGER NOT NULL, "
                    + "sent_after INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
            "CREATE INDEX outbox_by_session ON outbox (provider, session_id, state, id)",
            "CREATE TABLE drafts (provider TEXT NOT NULL, session_id TEXT NOT NULL, text TEXT NOT NULL, "
                    + "start_url TEXT NOT NULL, caller_id TEXT NOT NULL, queue TEXT NOT NULL, updated_at INTEGER NOT NULL, "
                    + "PRIMARY KEY (provider, session_id))");

    /** Version 2: a draft keeps its attached images (as attachment hashes, like the outbox). */
    static final List<String> V2 = List.of(
            "ALTER TABLE drafts ADD COLUMN images TEXT NOT NULL DEFAULT '[]'");

    /**
     * Version 3: full-text search over messages, thoughts, actions, questions and answers. The
     * index holds only the tokens (contentless: the text stays in {@code events}) and, unindexed,
     * where each event is; {@code scope} holds one token per session, so a search in one session
     * is a join of two token lists, not a filter over every match. The tokenizer only splits on
     * the spaces {@link SearchText} puts (it folds and cuts the text itself). Events stored before
     * this version wait in {@code search_backlog} and are indexed after opening, a chunk at a time.
     */
    static final List<String> V3 = List.of(
            "CREATE VIRTUAL TABLE search USING fts5(body, tail, scope, provider UNINDEXED, session_id UNINDEXED, "
                    + "position UNINDEXED, ordinal UNINDEXED, kind UNINDEXED, content='', contentless_unindexed=1, "
                    + "tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")",
            "CREATE TABLE search_backlog (provider TEXT NOT NULL, session_id TEXT NOT NULL, position INTEGER NOT NULL, "
                    + "ordinal INTEGER NOT NULL, PRIMARY KEY (provider, session_id, position, ordinal)) WITHOUT ROWID",
            "INSERT INTO search_backlog SELECT provider, session_id, position, ordinal FROM events WHERE kind IN ("
                    + "'Message', 'Thought', 'Action', 'Question', 'Answer')");

    /**
     * Version 4: the window's open sessions (the mission control's sidebar), in order: where each
     * lives, the title the operator gave it, whether its notifications are muted, which one was in
     * front, and the profile it was opened with (its name and colour), so the next start opens the same set.
     */
    static final List<String> V4 = List.of(
            "CREATE TABLE workspace (place INTEGER PRIMARY KEY, provider TEXT NOT NULL, session_id TEXT NOT NULL, "
                    + "base_url TEXT NOT NULL, title TEXT NOT NULL, muted INTEGER NOT NULL, front INTEGER NOT NULL, "
                    + "profile TEXT NOT NULL DEFAULT '', colour TEXT NOT NULL DEFAULT '')");

    /** What takes a file from {@code version - 1} to {@code version}. */
    static List<String> step(int version) {
        return switch (version) {
            case 1 -> V1;
            case 2 -> V2;
            case 3 -> V3;
            case 4 -> V4;
            default -> throw new IllegalArgumentException("no schema version " + version);
        };
    }
}
