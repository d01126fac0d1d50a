package dev.agentconsole.ui.console;

import dev.agentconsole.store.Draft;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.attach.AttachmentsViewModel;
import dev.agentconsole.ui.compose.ComposerViewModel;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;

/**
 * Which session's draft the composer holds: every change is saved under that session, and binding
 * another session brings its saved draft back (read on {@code io}, applied on {@code ui}). What was
 * typed before any session was bound goes with the first session bound, unless that one has a draft
 * of its own; and words typed before the unbound draft was read (the window was still opening) are
 * kept after it, never replaced. Toolkit-free.
 */
final class ComposerDrafts {

    private final ComposerViewModel composer;
    private final Supplier<Store> store;
    private final Executor ui;
    private final Executor io;
    private final LongSupplier generation;
    private final Consumer<String> problem;
    /** Whose draft the composer holds: the bound session's, or the unbound one's before binding. */
    private SessionKey key = SessionKey.UNBOUND;
    /** Set while a saved draft is put back, so putting it back does not save it again. */
    private boolean restoring;
    /** Set from a switch of sessions until the new session's draft is read: nothing is saved meanwhile. */
    private boolean loading;

    /**
     * @param generation the window's binding count: a draft read for an older binding is not applied
     * @param problem    where a draft that cannot be read is reported
     */
    ComposerDrafts(ComposerViewModel composer, Supplier<Store> store, Executor ui, Executor io, LongSupplier generation,
                   Consumer<String> problem) {
        this.composer = composer;
        this.store = store;
        this.ui = ui;
        this.io = io;
        this.generation = generation;
        this.problem = problem;
        composer.textProperty().addListener((o, was, now) -> save());
        composer.startUrlProperty().addListener((o, was, now) -> save());
        composer.callerIdProperty().addListener((o, was, now) -> save());
        composer.queue().addListener((ListChangeListener<String>) c -> save());
        composer.attachments().items().addListener((ListChangeListener<AttachmentsViewModel.Item>) c -> save());
        restore(SessionKey.UNBOUND, Draft.EMPTY);
    }

    private void save() {
        if (!restoring && !loading) {
            store.get().saveDraft(key, current());
        }
    }

    private Draft current() {
        return new Draft(composer.textProperty().get(), composer.startUrlProperty().get(), composer.callerIdProperty().get(),
                List.copyOf(composer.queue()), composer.attachments().originals());
    }

    /**
     * The composer moves to another session's draft. Until it is read, nothing is saved (the composer
     * still shows the old session's words, which must not be filed under the new one).
     */
    void switchTo(SessionKey next) {
        if (next.equals(key)) {
            return;
        }
        Draft typedUnbound = key.equals(SessionKey.UNBOUND) ? current() : Draft.EMPTY;
        key = next;
        restore(next, typedUnbound);
    }

    private void restore(SessionKey which, Draft typedUnbound) {
        long gen = generation.getAsLong();
        loading = true;
        io.execute(() -> {
            Draft saved;
            try {
                saved = store.get().draft(which).orElse(Draft.EMPTY);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    loading = false;
                    problem.accept("the saved draft could not be read: " + e.getMessage());
                });
                return;
            }
            ui.execute(() -> {
                if (!which.equals(key) || (gen != generation.getAsLong() && !which.equals(SessionKey.UNBOUND))) {
                    return; // a later switch owns the composer now
                }
                loading = false;
                if (saved.isEmpty() && typedUnbound.hasContent()) {
                    save(); // the words typed before binding belong to this session now
                    store.get().saveDraft(SessionKey.UNBOUND, Draft.EMPTY);
                    return;
                }
                // typed while the window was opening, before this read came back: kept, after the saved words
                String typedMeanwhile = which.equals(SessionKey.UNBOUND) ? composer.textProperty().get() : "";
                restoring = true;
                try {
                    composer.textProperty().set(typedMeanwhile == null || typedMeanwhile.isEmpty() ? saved.text()
                            : saved.text().isEmpty() ? typedMeanwhile : saved.text() + "\n" + typedMeanwhile);
                    composer.startUrlProperty().set(saved.startUrl());
                    if (!saved.callerId().isEmpty() || !composer.callerIdProperty().get().isEmpty()) {
                        composer.callerIdProperty().set(saved.callerId());
                    }
                    composer.setQueue(saved.queue());
                    composer.attachments().clear();
                    composer.attachments().addDataUris(saved.images());
                } finally {
                    restoring = false;
                }
                if (typedMeanwhile != null && !typedMeanwhile.isEmpty()) {
                    save();
                }
            });
        });
    }
}
