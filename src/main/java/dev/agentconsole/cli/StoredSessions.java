package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.app.Services;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@code search} and {@code export} share: the data folder's store, a stored session named by its id, indexing. */
final class StoredSessions {

    private StoredSessions() {}

    /** The command's own --data-dir, else the one given before the command, else the OS's data folder. */
    static Path folder(Path own, RootCommand parent) {
        if (own != null) {
            return own;
        }
        return parent.dataDir != null ? parent.dataDir : Services.standardDataDir();
    }

    /** The stored session with this id (whatever its provider); bad input when there is none or more than one. */
    static SessionKey find(Store store, String id, Path folder) {
        String wanted = id.strip();
        List<SessionKey> matches = store.sessions().stream()
                .filter(k -> k.sessionId().equalsIgnoreCase(wanted)).toList();
        if (matches.isEmpty()) {
            throw new InvalidInputException("no session " + wanted + " is stored in " + folder
                    + " (the window keeps what it shows; --data-dir names another folder)");
        }
        if (matches.size() > 1) {
            throw new InvalidInputException("session " + wanted + " is stored for several providers ("
                    + String.join(", ", matches.stream().map(SessionKey::provider).toList()) + ")");
        }
        return matches.get(0);
    }

    /** Waits until every stored event is searchable, telling how far it is on {@code err} (a first run after an update). */
    static void awaitIndex(Store store, PrintWriter err) {
        if (store.indexProgress().complete()) {
            return;
        }
        err.println(String.format(Locale.ROOT, "indexing %,d stored events for search (once)…", store.indexProgress().total()));
        store.onIndexProgress(p -> {
            err.print(String.format(Locale.ROOT, "\r%3d%%", p.total() == 0 ? 100 : p.done() * 100 / p.total()));
            err.flush();
        });
        store.indexed().join();
        err.println();
    }

    /** A short label for a session: provider and the first part of its id. */
    static String label(SessionKey key) {
        String id = key.sessionId();
        return key.provider() + " " + (id.length() > 8 ? id.substring(0, 8) : id);
    }

    static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
