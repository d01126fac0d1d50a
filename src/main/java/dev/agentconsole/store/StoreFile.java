package dev.agentconsole.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opening the store's file, which fails only where SQLite itself cannot run (its native library does
 * not load): a damaged file is kept aside and a fresh one started, a file from a newer version or one
 * another process holds is opened read-only, an unwritable folder falls back to memory. The result
 * says which, in words for the operator.
 */
final class StoreFile {

    /**
     * An open connection and what it may do.
     *
     * @param folder the data folder, or null in memory
     * @param lock   the data folder's lock, held while the store is open (none in memory or read-only)
     */
    record Opened(Connection db, Path folder, Store.Mode mode, Optional<String> notice, FileLock lock) {
        Opened withNotice(String why) {
            return new Opened(db, folder, mode, Optional.of(why), lock);
        }

        Opened holding(FileLock held) {
            return new Opened(db, folder, mode, notice, held);
        }
    }

    private StoreFile() {}

    /**
     * @throws IllegalStateException when SQLite's native library cannot be loaded (nothing, not even a
     *         store in memory, works then), saying why and what to do
     */
    static Opened open(Path folder) {
        requireNativeLibrary(); // before the folder is locked: a failure here leaves nothing held
        Path file = folder.resolve(Store.FILE_NAME);
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
            return openFile(file, lock.get());
        } catch (SQLException e) {
            if (isDamage(e)) {
                Path aside = keepAside(file);
                try {
                    return openFile(file, lock.get()).withNotice("The database was damaged (" + reason(e)
                            + "). It was kept aside as " + aside.getFileName() + " and a fresh one started.");
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

    private static Opened openFile(Path file, FileLock lock) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(3000);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed outbox row survives a power cut too, not only a killed process.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        try {
            quickCheck(c);
            int version = userVersion(c);
            if (version > Store.SCHEMA_VERSION) {
                c.close();
                return readOnly(file, "The database was written by a newer Agent Console (schema " + version + ", this "
                        + "one knows " + Store.SCHEMA_VERSION + "): it is open read-only. Update the console, or use "
                        + "--data-dir for a fresh one.").holding(lock);
            }
            migrate(c, version);
            forgetUnusedAttachments(c);
            return new Opened(c, file.getParent(), Store.Mode.SAVING, Optional.empty(), lock);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private static Opened readOnly(Path file, String why) {
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
            return new Opened(c, file.getParent(), Store.Mode.READ_ONLY, Optional.of(why), null);
        } catch (SQLException e) {
            return memory(why + " (It could not be read either: " + reason(e) + ".)");
        }
    }

    static Opened memory(String why) {
        requireNativeLibrary();
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
            migrate(c, 0);
            return new Opened(c, null, Store.Mode.MEMORY_ONLY, Optional.ofNullable(why), null);
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite does not work in this runtime: " + e.getMessage(), e);
        }
    }

    /**
     * Loads SQLite's native library now, where a failure can be told as such. Left to the driver, a failed
     * load surfaces as "Error opening connection" (taken for a bad file), then as an UnsatisfiedLinkError on
     * the next connection, and the driver's own account of it goes to a logger nobody reads.
     */
    private static void requireNativeLibrary() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize(); // loads once per process; at once after that
        } catch (Exception | UnsatisfiedLinkError e) {
            throw noNativeLibrary(e);
        }
    }

    /**
     * sqlite-jdbc loads its native library from org.sqlite.lib.path when that is set (the installers set
     * it: the library sits beside the app), else unpacks it into the temp folder and loads it from there;
     * a temp folder mounted noexec (a common hardening) or not writable refuses that.
     */
    private static IllegalStateException noNativeLibrary(Throwable e) {
        String unpackedInto = System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir"));
        String besideTheApp = System.getProperty("org.sqlite.lib.path");
        String where = besideTheApp == null
                ? "It is unpacked into the temp folder " + unpackedInto + " and loaded from there"
                : "It was looked for in " + besideTheApp + ", where the installer puts it (installing again puts it back), "
                        + "then unpacked into the temp folder " + unpackedInto + " and loaded from there";
        return new IllegalStateException("SQLite's native library could not be loaded, so nothing can be kept. " + where
                + ", which a folder mounted noexec or not writable refuses. "
                + (besideTheApp == null
                        ? "Start the console with -Dorg.sqlite.tmpdir=<a folder that may hold programs>, "
                                + "or install it with the installer, which keeps the library beside the app"
                        // the installed launcher passes its arguments to the console, not to Java
                        : "Start it with the environment variable JAVA_TOOL_OPTIONS=-Dorg.sqlite.tmpdir=<a folder that may hold programs>")
                + ". (" + e.getMessage() + ")", e);
    }

    /**
     * One console per data folder: two writing one outbox would hand out the same delivery ids.
     * The OS releases the lock when the process ends, however it ends.
     */
    private static Optional<FileLock> lock(Path folder) {
        try {
            FileChannel channel = FileChannel.open(folder.resolve(Store.LOCK_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
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

    static void release(FileLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.channel().close();
        } catch (IOException ignored) {
            // the process ending releases it too
        }
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

    static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.getInt(1);
        }
    }

    /** Brings a file from {@code version} to {@link Store#SCHEMA_VERSION}, one step per version, in one transaction. */
    private static void migrate(Connection c, int version) throws SQLException {
        if (version == Store.SCHEMA_VERSION) {
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int step = version + 1; step <= Store.SCHEMA_VERSION; step++) {
                for (String sql : Schema.step(step)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + Store.SCHEMA_VERSION);
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
                    + "UNION SELECT i.value FROM outbox, json_each(outbox.body, '$.messages') AS m, "
                    + "json_each(m.value, '$.images') AS i)");
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

    /** SQLite's words without its code prefix. */
    static String reason(SQLException e) {
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
}
