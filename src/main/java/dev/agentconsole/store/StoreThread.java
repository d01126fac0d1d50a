package dev.agentconsole.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sqlite.SQLiteErrorCode;

/**
 * The store's one thread and its one connection: every statement runs here, in the order asked.
 * Reads wait for their answer; writes return at once with a future that says whether they were
 * saved, and a failed write (a full disk) is reported once to the trouble listeners.
 */
final class StoreThread {

    /** A piece of work on the connection, run on the store's thread. */
    interface Work<T> {
        T run() throws SQLException;
    }

    final Connection db;
    /** The data folder, or null in memory. */
    private final Path folder;
    private final boolean saving;
    private final ScheduledThreadPoolExecutor thread;
    private final List<Consumer<String>> troubleListeners = new CopyOnWriteArrayList<>();
    private volatile String lastTrouble;

    StoreThread(Connection db, Path folder, boolean saving) {
        this.db = db;
        this.folder = folder;
        this.saving = saving;
        thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "store");
            th.setDaemon(true);
            return th;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(true);
    }

    boolean saving() {
        return saving;
    }

    void onTrouble(Consumer<String> listener) {
        troubleListeners.add(listener);
    }

    <T> T read(Work<T> work) {
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
    CompletableFuture<Boolean> write(String what, Work<?> work) {
        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        if (!saving) {
            saved.complete(false);
            return saved;
        }
        try {
            thread.execute(() -> saved.complete(attempt(what, work)));
        } catch (RejectedExecutionException closed) {
            saved.complete(false);
        }
        return saved;
    }

    /** Runs {@code task} on the store's thread after {@code delayMs}; false when the store is closing. */
    boolean schedule(Runnable task, long delayMs) {
        try {
            thread.schedule(task, delayMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /** Runs {@code task} on the store's thread, after what was asked before it; false when closed. */
    boolean execute(Runnable task) {
        try {
            thread.execute(task);
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /** Completes once every write asked for before it is done (saved or reported). */
    CompletableFuture<Void> flushed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!execute(() -> done.complete(null))) {
            done.complete(null);
        }
        return done;
    }

    /** Runs a write now, on the store's thread; reports a failure once. */
    boolean attempt(String what, Work<?> work) {
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
            return StoreFile.reason(sql);
        }
        return e.getMessage();
    }

    /** On the store's thread: {@code work} in one transaction, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) throws SQLException {
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

    /**
     * Runs {@code last} (pending drafts), finishes what is queued and closes the connection.
     * False when it was closed already.
     */
    boolean close(Runnable last) {
        if (!execute(last)) {
            return false;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
            db.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            System.getLogger("store").log(System.Logger.Level.WARNING, "closing the database failed: " + e.getMessage());
        }
        return true;
    }
}
