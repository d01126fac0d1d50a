package dev.agentconsole.ui.connect;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.store.Store;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sessions of the form's provider opened before, newest first: read from the store when the
 * provider changes (on {@code io}), and kept up here as sessions open, so the list never waits on a read.
 */
final class RecentSessions {

    static final int KEPT = 10;

    private final Store store;
    private final Executor ui;
    private final Executor io;
    private final Consumer<String> problem;
    private final ObservableList<String> ids = FXCollections.observableArrayList();
    private final ObservableList<String> view = FXCollections.unmodifiableObservableList(ids);
    private Provider provider;

    /** @param problem told (on the UI thread) when the store could not be read */
    RecentSessions(Store store, Executor ui, Executor io, Consumer<String> problem) {
        this.store = store;
        this.ui = ui;
        this.io = io;
        this.problem = problem;
    }

    ObservableList<String> ids() {
        return view;
    }

    /** The form shows {@code p} now: its sessions, from the store. */
    void showFor(Provider p) {
        provider = p;
        io.execute(() -> {
            try {
                List<String> read = store.recent(p.cliName(), KEPT);
                ui.execute(() -> {
                    if (provider == p) {
                        ids.setAll(read);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> problem.accept("the recent sessions could not be read: " + e.getMessage()));
            }
        });
    }

    /** {@code id} was opened: first in the list, when the form shows its provider. */
    void opened(Provider p, SessionId id) {
        if (provider != p) {
            return;
        }
        ids.remove(id.value());
        ids.add(0, id.value());
        if (ids.size() > KEPT) {
            ids.remove(KEPT, ids.size());
        }
    }
}
