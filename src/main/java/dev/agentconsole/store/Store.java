package dev.agentconsole.store;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.Outgoing;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The console's memory, one SQLite file (WAL) in the data folder: the outbox, drafts, the event
 * history of every session and the attachments they share. Every statement runs on the store's
 * one thread, in the order asked; writes return at once, reads wait (never call them on the FX
 * thread).
 *
 * <p>A small facade over its parts: {@link StoreFile} (opening, migrating), {@link StoreThread}
 * (the thread, transactions, trouble), {@link Outbox}, {@link Drafts}, {@link History},
 * {@link Sessions}, {@link Attachments} and the full-text {@link SearchIndex}.
 *
 * <p>Opening never fails: a damaged file is kept aside and a fresh one started, a file from a
 * newer version or one another process holds is opened read-only, an unwritable folder falls back
 * to memory. {@link #notice()} says which, in words for the operator; a later failed write (a full
 * disk) reaches {@link #onTrouble}.
 */
public final class Store implements AutoCloseable {

    /** How much the store can keep. */
    public enum Mode {
        /** Everything is saved as it happens. */
        SAVING,
        /** History shows; nothing new is saved. */
        READ_ONLY,
        /** Nothing outlives the process. */
        MEMORY_ONLY
    }

    public static final String FILE_NAME = "console.db";
    static final String LOCK_NAME = "console.lock";
    /** The schema this version writes; {@code PRAGMA user_version} holds a file's. */
    static final int SCHEMA_VERSION = 4;
    /** Draft writes are coalesced: the latest text per session is saved this long after the last change. */
    static final long DRAFT_DELAY_MS = 250;

    private final Mode mode;
    private final Optional<String> notice;
    private final FileLock lock;
    private final StoreThread thread;
    private final Drafts drafts;
    private final Outbox outbox;
    private final History history;
    private final Sessions sessions;
    private final Workspace workspace;
    private final Attachments attachments;
    private final SearchIndex search;
    private final Archives archives;

    private Store(StoreFile.Opened opened) {
        this.mode = opened.mode();
        this.notice = opened.notice();
        this.lock = opened.lock();
        this.thread = new StoreThread(opened.db(), opened.folder(), mode != Mode.READ_ONLY);
        this.attachments = new Attachments(thread);
        this.drafts = new Drafts(thread, attachments);
        try {
            this.outbox = new Outbox(thread, attachments, drafts);
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox could not be read: " + e.getMessage(), e);
        }
        drafts.readQueuedFrom(outbox::queuedSince);
        this.search = new SearchIndex(thread);
        this.history = new History(thread, search);
        this.sessions = new Sessions(thread);
        this.workspace = new Workspace(thread);
        this.archives = new Archives(thread, attachments);
        search.start(mode);
    }

    /** Opens (creating or migrating) the store in {@code folder}. Never throws for a bad file or folder. */
    public static Store open(Path folder) {
        return new Store(StoreFile.open(folder));
    }

    /** A store that keeps nothing after the process (tests, and the fallback). */
    public static Store inMemory() {
        return new Store(StoreFile.memory(null));
    }

    public Mode mode() {
        return mode;
    }

    /** What the operator must know about this store (why it is read-only, what was kept aside), if anything. */
    public Optional<String> notice() {
        return notice;
    }

    /** Called (on the store's thread) with a message when a write fails, e.g. on a full disk. */
    public void onTrouble(Consumer<String> listener) {
        thread.onTrouble(listener);
    }

    /** Completes once every write asked for before it is done (saved or reported). */
    public CompletableFuture<Void> flushed() {
        return thread.flushed();
    }

    // ---- sessions -------------------------------------------------------------------------------

    /** The session was opened now: it heads the recent list. */
    public CompletableFuture<Boolean> touch(SessionKey key, String baseUrl) {
        return sessions.touch(key, baseUrl);
    }

    /** Session ids of a provider, most recently opened first. */
    public List<String> recent(String provider, int limit) {
        return sessions.recent(provider, limit);
    }

    /** Where the reader resumes: the position after the last stored event (0 for a new session). */
    public long position(SessionKey key) {
        return sessions.position(key);
    }

    /** The window's open sessions, in their order, as the last run left them. */
    public List<OpenSession> workspace() {
        return workspace.read();
    }

    /** Replaces the saved set of open sessions (one transaction: never half of a set). */
    public CompletableFuture<Boolean> saveWorkspace(List<OpenSession> open) {
        return workspace.save(open);
    }

    // ---- events ---------------------------------------------------------------------------------

    /**
     * Stores a page of events and the position after it, in one transaction. Idempotent: an event
     * already stored (same position and place within it) is not stored again.
     */
    public CompletableFuture<Boolean> append(SessionKey key, List<AgentEvent> events, long next) {
        return history.append(key, events, next);
    }

    /** The session's stored events, oldest first. */
    public List<AgentEvent> history(SessionKey key) {
        return historyBetween(key, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The stored events after {@code position}, oldest first. */
    public List<AgentEvent> historyAfter(SessionKey key, long position) {
        return historyBetween(key, position, Long.MAX_VALUE);
    }

    /**
     * Where the newest {@code count} stored events start: the position to read from to show the
     * end of a long history at once (the rest can follow). {@link Long#MIN_VALUE} when there are fewer.
     */
    public long tailStart(SessionKey key, int count) {
        return history.tailStart(key, count);
    }

    /** The stored events with {@code after < position < before}, oldest first. */
    public List<AgentEvent> historyBetween(SessionKey key, long after, long before) {
        return history.between(key, after, before);
    }

    // ---- search ---------------------------------------------------------------------------------

    /**
     * The best {@code limit} stored events for what the operator typed (see {@link SearchQuery}),
     * best first, in one session or in every one; any input is safe, and nothing searchable finds nothing.
     */
    public List<SearchHit> search(String query, Optional<SessionKey> session, int limit) {
        return search.search(SearchQuery.parse(query), session, limit);
    }

    /** Every stored event of one session that matches, in the session's order. */
    public List<SearchHit.Place> find(SessionKey session, String query) {
        return search.places(session, SearchQuery.parse(query));
    }

    /** How far indexing the events stored before search existed has come (at once complete for a new file). */
    public SearchHit.Progress indexProgress() {
        return search.progress();
    }

    /** Called on the store's thread after each chunk of the events stored before search existed is indexed. */
    public void onIndexProgress(Consumer<SearchHit.Progress> listener) {
        search.onProgress(listener);
    }

    /** Completes when every stored event is in the search index. */
    public CompletableFuture<Void> indexed() {
        return search.complete();
    }

    // ---- exports --------------------------------------------------------------------------------

    /** Everything stored of a session, as stored (for an export), or empty when the store knows nothing of it. */
    public Optional<Archive> archive(SessionKey key) {
        return archives.read(key);
    }

    /** The sessions this store has opened, most recent first. */
    public List<SessionKey> sessions() {
        return archives.sessions();
    }

    // ---- outbox ---------------------------------------------------------------------------------

    /** The id {@link #newDeliveryId()} will give next: rows below it already exist. */
    public long peekNextDeliveryId() {
        return outbox.peekNextDeliveryId();
    }

    /** A delivery id never used in this store. */
    public long newDeliveryId() {
        return outbox.newDeliveryId();
    }

    /**
     * Commits an outgoing message (images once each, by content hash) and, in the same commit, the
     * session's draft without what is sent. The sender waits for the returned future before the
     * first byte leaves.
     */
    public CompletableFuture<Boolean> enqueue(long id, SessionKey key, Outgoing outgoing, String state, long sentAfter) {
        return outbox.enqueue(id, key, outgoing, state, sentAfter);
    }

    /** A delivery moved on. */
    public CompletableFuture<Boolean> update(long id, String state, Optional<String> cause, int attempts) {
        return outbox.update(id, state, cause, attempts);
    }

    /** The session's outbox rows whose state is one of {@code states}, in send order. */
    public List<OutboxRow> outbox(SessionKey key, List<String> states) {
        return outbox.rows(key, states);
    }

    /** How many attachments the store holds (each once, however many messages carry it). */
    public int attachmentCount() {
        return thread.read(attachments::count);
    }

    // ---- drafts ---------------------------------------------------------------------------------

    /**
     * Saves what the composer holds for a session, {@value #DRAFT_DELAY_MS} ms after the last change
     * (typing saves once per pause, not once per key).
     */
    public void saveDraft(SessionKey key, Draft draft) {
        drafts.save(key, draft);
    }

    /** The saved draft of a session (the latest one asked to be saved, even if not written yet). */
    public Optional<Draft> draft(SessionKey key) {
        return drafts.draft(key);
    }

    /** Writes what is pending (drafts), then closes the file. */
    @Override
    public void close() {
        if (thread.close(drafts::flush)) {
            StoreFile.release(lock);
        }
    }

    /** For tests: the low-level limit that makes writes fail as on a full disk. */
    void limitPages(int pages) {
        thread.read(() -> {
            try (Statement s = thread.db.createStatement()) {
                s.execute("PRAGMA max_page_count = " + pages);
            }
            return null;
        });
    }
}
