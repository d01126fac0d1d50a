package dev.agentconsole.store;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.Outgoing;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The console's memory, one SQLite file (WAL) in the data folder: the outbox, drafts, the event
 * history of every session and the attachments they share. Every statement runs on the store's
 * one thread, in the order asked; writes return at once, reads wait (never call them on the FX
 * thread).
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
    static final int SCHEMA_VERSION = 2;
    /** Draft writes are coalesced: the latest text per session is saved this long after the last change. */
    static final long DRAFT_DELAY_MS = 250;

    private final Connection db;
    /** The data folder, or null in memory. */
    private final Path folder;
    private final ScheduledExecutorService thread;
    private final Mode mode;
    private volatile Optional<String> notice;
    private final AtomicLong nextDelivery;
    private final List<Consumer<String>> troubleListeners = new CopyOnWriteArrayList<>();
    private final Map<SessionKey, Draft> pendingDrafts = new LinkedHashMap<>();
    private boolean draftFlushScheduled;
    private volatile String lastTrouble;
    /** The data folder's lock, held while this store is open (none in memory or read-only). */
    private FileLock lock;

    private Store(Connection db, Path folder, Mode mode, Optional<String> notice) throws SQLException {
        this.db = db;
        this.folder = folder;
        this.mode = mode;
        this.notice = notice;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "store");
            th.setDaemon(true);
            return th;
        });
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(true);
        this.thread = t;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(id), 0) FROM outbox")) {
            nextDelivery = new AtomicLong(r.getLong(1) + 1);
        }
    }

    // ---- opening ------------------------------------------------------------------------------

    /** Opens (creating or migrating) the store in {@code folder}. Never throws for a bad file or folder. */
    public static Store open(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            return memory("The data folder " + folder + " cannot be created (" + e.getMessage()
                    + "): nothing is saved this time. Choose another with --data-dir.");
        }
        if (!writable(folder)) {
            if (Files.isReadable(file)) {
                return readOnly(file, "The data folder " + folder + " is read-only: history shows, but nothing new is "
                        + "saved. Choose a writable one with --data-dir.");
            }
            return memory("The data folder " + folder + " is read-only: nothing is saved this time. "
                    + "Choose a writable one with --data-dir.");
        }
        Optional<FileLock> lock = lock(folder);
        if (lock.isEmpty()) {
            return readOnly(file, "Another Agent Console is using " + folder + ": history shows, but nothing new is "
                    + "saved here. Close the other one, or give this one its own folder with --data-dir.");
        }
        try {
            return openFile(file).holding(lock.get());
        } catch (SQLException e) {
            if (isDamage(e)) {
                Path aside = keepAside(file);
                try {
                    Store fresh = openFile(file).holding(lock.get());
                    return fresh.withNotice("The database was damaged (" + reason(e) + "). It was kept aside as "
                            + aside.getFileName() + " and a fresh one started.");
                } catch (SQLException again) {
                    release(lock.get());
                    return memory("The database could not be opened (" + reason(again) + "): nothing is saved this time.");
                }
            }
            release(lock.get());
            if (isBusy(e)) {
                return readOnly(file, "Another Agent Console is using " + file + ": history shows, but nothing new is "
                        + "saved here. Close the other one, or use --data-dir.");
            }
            return memory("The database " + file + " could not be opened (" + reason(e) + "): nothing is saved this time.");
        }
    }

    /** A store that keeps nothing after the process (tests, and the fallback). */
    public static Store inMemory() {
        return memory(null);
    }

    private static Store openFile(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(3000);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed outbox row survives a power cut too, not only a killed process.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        try {
            quickCheck(c);
            int version = userVersion(c);
            if (version > SCHEMA_VERSION) {
                c.close();
                return readOnly(file, "The database was written by a newer Agent Console (schema " + version + ", this "
                        + "one knows " + SCHEMA_VERSION + "): it is open read-only. Update the console, or use --data-dir "
                        + "for a fresh one.");
            }
            migrate(c, version);
            forgetUnusedAttachments(c);
            return new Store(c, file.getParent(), Mode.SAVING, Optional.empty());
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private static Store readOnly(Path file, String why) {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(3000);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            int version = userVersion(c);
            if (version == 0) {
                c.close();
                return memory(why);
            }
            return new Store(c, file.getParent(), Mode.READ_ONLY, Optional.of(why));
        } catch (SQLException e) {
            return memory(why + " (It could not be read either: " + reason(e) + ".)");
        }
    }

    private static Store memory(String why) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
            migrate(c, 0);
            return new Store(c, null, Mode.MEMORY_ONLY, Optional.ofNullable(why));
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite does not work in this runtime: " + e.getMessage(), e);
        }
    }

    /**
     * One console per data folder: two writing one outbox would hand out the same delivery ids.
     * The OS releases the lock when the process ends, however it ends.
     */
    private static Optional<FileLock> lock(Path folder) {
        try {
            FileChannel channel = FileChannel.open(folder.resolve(LOCK_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                }
                return Optional.ofNullable(lock);
            } catch (OverlappingFileLockException heldInThisProcess) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException ignored) {
            // the process ending releases it too
        }
    }

    private Store holding(FileLock lock) {
        this.lock = lock;
        return this;
    }

    private Store withNotice(String why) {
        notice = Optional.of(why);
        return this;
    }

    private static boolean writable(Path folder) {
        try {
            Path probe = Files.createTempFile(folder, ".probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static void quickCheck(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA quick_check")) {
            String result = r.next() ? r.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(result)) {
                throw new SQLiteException("quick_check: " + result, SQLiteErrorCode.SQLITE_CORRUPT);
            }
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.getInt(1);
        }
    }

    /** Brings a file from {@code version} to {@link #SCHEMA_VERSION}, one step per version, in one transaction. */
    private static void migrate(Connection c, int version) throws SQLException {
        if (version == SCHEMA_VERSION) {
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (version < 1) {
                for (String sql : Schema.V1) {
                    s.execute(sql);
                }
            }
            if (version < 2) {
                for (String sql : Schema.V2) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Images no draft and no outbox row refers to any more (removed from a draft) are deleted on open. */
    private static void forgetUnusedAttachments(Connection c) {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM attachments WHERE hash NOT IN ("
                    + "SELECT d.value FROM drafts, json_each(drafts.images) AS d "
                    + "UNION SELECT i.value FROM outbox, json_each(outbox.body, '$.messages') AS m, json_each(m.value, '$.images') AS i)");
        } catch (SQLException e) {
            System.getLogger("store").log(System.Logger.Level.DEBUG, "unused attachments kept: " + e.getMessage());
        }
    }

    private static boolean isDamage(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code
                || (e.getMessage() != null && e.getMessage().contains("quick_check"));
    }

    private static boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private static String reason(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "").strip();
    }

    /** Moves a damaged file (and its WAL and shared-memory files) aside, named by the time. */
    private static Path keepAside(Path file) {
        String stamp = LocalDateTime.now(Clock.systemDefaultZone()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path from = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(from)) {
                try {
                    Files.move(from, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new IllegalStateException("could not move the damaged database aside: " + e.getMessage(), e);
                }
            }
        }
        return aside;
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
        troubleListeners.add(listener);
    }

    private boolean saving() {
        return mode != Mode.READ_ONLY;
    }

    // ---- the thread -----------------------------------------------------------------------------

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T read(Work<T> work) {
        try {
            return thread.submit(() -> work.run()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the store could not be read: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Runs a write on the store's thread; the future says whether it was saved. */
    private CompletableFuture<Boolean> write(String what, Work<?> work) {
        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        if (!saving()) {
            saved.complete(false);
            return saved;
        }
        try {
            thread.execute(() -> saved.complete(attempt(what, work)));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            saved.complete(false);
        }
        return saved;
    }

    private boolean attempt(String what, Work<?> work) {
        try {
            work.run();
            lastTrouble = null;
            return true;
        } catch (SQLException | RuntimeException e) {
            System.getLogger("store").log(System.Logger.Level.DEBUG, "write failed", e);
            String message = "Could not save " + what + ": " + describe(e) + ". The console keeps working, but what is "
                    + "not saved is lost if it closes.";
            if (!message.equals(lastTrouble)) {
                lastTrouble = message;
                troubleListeners.forEach(l -> l.accept(message));
            }
            return false;
        }
    }

    private String describe(Exception e) {
        if (folder != null) {
            try {
                if (Files.getFileStore(folder).getUsableSpace() < 1024 * 1024) {
                    return "the disk is full";
                }
            } catch (IOException | SecurityException unknown) {
                // fall through to SQLite's words
            }
        }
        if (e instanceof SQLException sql) {
            int code = sql.getErrorCode() & 0xff;
            if (code == SQLiteErrorCode.SQLITE_FULL.code) {
                return "the disk is full";
            }
            if (code == SQLiteErrorCode.SQLITE_READONLY.code) {
                return "the database became read-only";
            }
            return reason(sql);
        }
        return e.getMessage();
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException alreadyRolledBack) {
                e.addSuppressed(alreadyRolledBack); // SQLite rolls back by itself after some errors (a full disk)
            }
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    // ---- sessions -------------------------------------------------------------------------------

    /** The session was opened now: it heads the recent list. */
    public CompletableFuture<Boolean> touch(SessionKey key, String baseUrl) {
        long now = System.currentTimeMillis();
        return write("the session list", () -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO sessions(provider, session_id, base_url, opened_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT(provider, session_id) DO UPDATE SET base_url = excluded.base_url, "
                    + "opened_at = excluded.opened_at")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                p.setString(3, baseUrl);
                p.setLong(4, now);
                return p.executeUpdate();
            }
        });
    }

    /** Session ids of a provider, most recently opened first. */
    public List<String> recent(String provider, int limit) {
        return read(() -> {
            try (PreparedStatement p = db.prepareStatement(
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

    /** Where the reader resumes: the position after the last stored event (0 for a new session). */
    public long position(SessionKey key) {
        return read(() -> {
            try (PreparedStatement p = db.prepareStatement(
                    "SELECT next_position FROM sessions WHERE provider = ? AND session_id = ?")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }

    // ---- events ---------------------------------------------------------------------------------

    /**
     * Stores a page of events and the position after it, in one transaction. Idempotent: an event
     * already stored (same position and place within it) is not stored again.
     */
    public CompletableFuture<Boolean> append(SessionKey key, List<AgentEvent> events, long next) {
        return write("the agent's events", () -> inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO events(provider, session_id, position, "
                    + "ordinal, kind, body) VALUES (?, ?, ?, ?, ?, ?)")) {
                Map<Long, Integer> ordinals = new HashMap<>();
                for (AgentEvent e : events) {
                    p.setString(1, key.provider());
                    p.setString(2, key.sessionId());
                    p.setLong(3, e.position());
                    p.setInt(4, ordinals.merge(e.position(), 1, Integer::sum) - 1);
                    p.setString(5, EventCodec.kind(e));
                    p.setString(6, EventCodec.encode(e));
                    p.executeUpdate(); // one by one: a failed batch can leave SQLite's rollback unreported
                }
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO sessions(provider, session_id, next_position, "
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
        return read(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT position FROM events WHERE provider = ? AND session_id = ? "
                    + "ORDER BY position DESC, ordinal DESC LIMIT 1 OFFSET ?")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                p.setInt(3, count - 1);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getLong(1) : Long.MIN_VALUE;
                }
            }
        });
    }

    /** The stored events with {@code after < position < before}, oldest first. */
    public List<AgentEvent> historyBetween(SessionKey key, long after, long before) {
        return read(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT position, kind, body FROM events WHERE provider = ? "
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

    // ---- outbox ---------------------------------------------------------------------------------

    /** The id {@link #newDeliveryId()} will give next: rows below it already exist. */
    public long peekNextDeliveryId() {
        return nextDelivery.get();
    }

    /** A delivery id never used in this store. */
    public long newDeliveryId() {
        return nextDelivery.getAndIncrement();
    }

    /**
     * Commits an outgoing message (images once each, by content hash). The sender waits for the
     * returned future before the first byte leaves.
     */
    public CompletableFuture<Boolean> enqueue(long id, SessionKey key, Outgoing outgoing, String state, long sentAfter) {
        long now = System.currentTimeMillis();
        return write("the message before sending it", () -> inTransaction(() -> {
            // the composer empties itself as the message goes: the draft on disk must say so in the
            // same commit, or a crash right after it brings the sent words back as a new draft
            try {
                emptyDraftOf(key, outgoing);
            } catch (SQLException | RuntimeException draftTrouble) {
                // the draft is a convenience; the outbox row is what must be committed
                System.getLogger("store").log(System.Logger.Level.WARNING, "the draft could not be emptied with the send: "
                        + draftTrouble.getMessage());
            }
            String body = EventCodec.encode(outgoing, this::storeAttachment);
            try (PreparedStatement p = db.prepareStatement("INSERT INTO outbox(id, provider, session_id, body, state, "
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

    /** Completes once every write asked for before it is done (saved or reported). */
    public CompletableFuture<Void> flushed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            thread.execute(() -> done.complete(null));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            done.complete(null);
        }
        return done;
    }

    /** A delivery moved on. */
    public CompletableFuture<Boolean> update(long id, String state, Optional<String> cause, int attempts) {
        long now = System.currentTimeMillis();
        return write("a message's delivery state", () -> {
            try (PreparedStatement p = db.prepareStatement(
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

    /** The session's outbox rows whose state is one of {@code states}, in send order. */
    public List<OutboxRow> outbox(SessionKey key, List<String> states) {
        return read(() -> {
            String marks = String.join(", ", states.stream().map(s -> "?").toList());
            try (PreparedStatement p = db.prepareStatement("SELECT id, body, state, cause, attempts, sent_after FROM outbox "
                    + "WHERE provider = ? AND session_id = ? AND state IN (" + marks + ") ORDER BY id")) {
                p.setString(1, key.provider());
                p.setString(2, key.sessionId());
                for (int i = 0; i < states.size(); i++) {
                    p.setString(3 + i, states.get(i));
                }
                List<OutboxRow> rows = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Outgoing outgoing = EventCodec.decodeOutgoing(r.getString(2), this::attachment);
                        rows.add(new OutboxRow(r.getLong(1), key, outgoing, r.getString(3),
                                Optional.ofNullable(r.getString(4)), r.getInt(5), r.getLong(6)));
                    }
                }
                return rows;
            }
        });
    }

    private String attachment(String hash) {
        try (PreparedStatement p = db.prepareStatement("SELECT data_uri FROM attachments WHERE hash = ?")) {
            p.setString(1, hash);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("an attachment of a stored message is missing (" + hash + ")");
                }
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** How many attachments the store holds (each once, however many messages carry it). */
    public int attachmentCount() {
        return read(() -> {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM attachments")) {
                return r.getInt(1);
            }
        });
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- drafts ---------------------------------------------------------------------------------

    /**
     * Saves what the composer holds for a session, {@value #DRAFT_DELAY_MS} ms after the last change
     * (typing saves once per pause, not once per key).
     */
    public void saveDraft(SessionKey key, Draft draft) {
        if (!saving()) {
            return;
        }
        synchronized (pendingDrafts) {
            pendingDrafts.put(key, draft);
            if (draftFlushScheduled) {
                return;
            }
            draftFlushScheduled = true;
        }
        try {
            thread.schedule(this::flushDrafts, DRAFT_DELAY_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: close() flushes what is pending
        }
    }

    /** On the store's thread, in the enqueue's transaction: the draft without what is being sent. */
    private void emptyDraftOf(SessionKey key, Outgoing outgoing) throws SQLException {
        Draft pending;
        synchronized (pendingDrafts) {
            pending = pendingDrafts.get(key);
        }
        Draft current = pending != null ? pending : storedDraft(key).map(StoredDraft::draft).orElse(Draft.EMPTY);
        Draft after = current.afterSending(outgoing);
        if (after.equals(current)) {
            return;
        }
        writeDraft(key, after, System.currentTimeMillis());
        synchronized (pendingDrafts) {
            if (pendingDrafts.get(key) == pending && pending != null) {
                pendingDrafts.put(key, after); // a later flush must not write the sent words back
            }
        }
    }

    private void writeDraft(SessionKey key, Draft d, long now) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO drafts(provider, session_id, text, start_url, "
                + "caller_id, queue, images, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(provider, session_id) "
                + "DO UPDATE SET text = excluded.text, start_url = excluded.start_url, caller_id = excluded.caller_id, "
                + "queue = excluded.queue, images = excluded.images, updated_at = excluded.updated_at")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            p.setString(3, d.text());
            p.setString(4, d.startUrl());
            p.setString(5, d.callerId());
            p.setString(6, EventCodec.encodeLines(d.queue()));
            p.setString(7, EventCodec.encodeLines(d.images().stream().map(this::storeAttachment).toList()));
            p.setLong(8, now);
            p.executeUpdate();
        }
    }

    /** The messages queued for a session at or after {@code since} (ms), oldest first; on the store's thread. */
    private List<Outgoing> outgoingSince(SessionKey key, long since) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT body FROM outbox WHERE provider = ? AND session_id = ? "
                + "AND created_at >= ? ORDER BY id")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            p.setLong(3, since);
            List<Outgoing> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(EventCodec.decodeOutgoing(r.getString(1), this::attachment));
                }
            }
            return out;
        }
    }

    /** A draft as stored, and when it was written. */
    private record StoredDraft(Draft draft, long updatedAt) {}

    /** The draft row of a session; on the store's thread. */
    private Optional<StoredDraft> storedDraft(SessionKey key) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT text, start_url, caller_id, queue, images, updated_at FROM drafts WHERE provider = ? AND session_id = ?")) {
            p.setString(1, key.provider());
            p.setString(2, key.sessionId());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredDraft(new Draft(r.getString(1), r.getString(2), r.getString(3),
                        EventCodec.decodeLines(r.getString(4)),
                        EventCodec.decodeLines(r.getString(5)).stream().map(this::attachment).toList()), r.getLong(6)));
            }
        }
    }

    private void flushDrafts() {
        Map<SessionKey, Draft> batch;
        synchronized (pendingDrafts) {
            batch = new LinkedHashMap<>(pendingDrafts);
            pendingDrafts.clear();
            draftFlushScheduled = false;
        }
        if (batch.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        attempt("the draft", () -> inTransaction(() -> {
            for (Map.Entry<SessionKey, Draft> e : batch.entrySet()) {
                writeDraft(e.getKey(), e.getValue(), now);
            }
            return null;
        }));
    }

    /** Stores an image once, by content hash; returns the hash. On the store's thread, in a transaction. */
    private String storeAttachment(String uri) {
        String hash = sha256(uri);
        try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO attachments(hash, data_uri) VALUES (?, ?)")) {
            p.setString(1, hash);
            p.setString(2, uri);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return hash;
    }

    /** The saved draft of a session (the latest one asked to be saved, even if not written yet). */
    public Optional<Draft> draft(SessionKey key) {
        synchronized (pendingDrafts) {
            Draft pending = pendingDrafts.get(key);
            if (pending != null) {
                return Optional.of(pending);
            }
        }
        return read(() -> {
            Optional<StoredDraft> stored = storedDraft(key);
            if (stored.isEmpty()) {
                return Optional.<Draft>empty();
            }
            // a draft older than a message queued from it (a store written before drafts and sends
            // were committed together) holds words already sent: never offer them as new
            Draft draft = stored.get().draft();
            for (Outgoing queued : outgoingSince(key, stored.get().updatedAt())) {
                draft = draft.afterSending(queued);
            }
            return Optional.of(draft);
        });
    }

    /** Writes what is pending (drafts), then closes the file. */
    @Override
    public void close() {
        try {
            thread.execute(this::flushDrafts);
        } catch (java.util.concurrent.RejectedExecutionException alreadyClosed) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
            db.close();
            if (lock != null) {
                release(lock);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            System.getLogger("store").log(System.Logger.Level.WARNING, "closing the database failed: " + e.getMessage());
        }
    }

    /** For tests: the low-level limit that makes writes fail as on a full disk. */
    void limitPages(int pages) {
        read(() -> {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA max_page_count = " + pages);
            }
            return null;
        });
    }
}
