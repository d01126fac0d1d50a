package dev.agentconsole.ui.session;

import dev.agentconsole.store.Draft;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.attach.AttachmentsViewModel;
import dev.agentconsole.ui.compose.ComposerViewModel;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;

/**
 * One session's composer draft: every change is saved under the session, and the saved draft comes
 * back when the session is opened (read on {@code io}, applied on {@code ui}). Words typed before
 * the saved draft was read (the session was still opening) are kept after it, never replaced.
 * Toolkit-free.
 */
final class ComposerDrafts {

    private final ComposerViewModel composer;
    private final SessionKey key;
    private final Supplier<Store> store;
    /** Set while the saved draft is put back, so putting it back does not save it again. */
    private boolean restoring;
    /** Set until the saved draft is read: nothing is saved meanwhile (it would overwrite the saved one). */
    private boolean loading = true;

    /** @param problem where a draft that cannot be read is reported */
    ComposerDrafts(ComposerViewModel composer, SessionKey key, Supplier<Store> store, Executor ui, Executor io,
                   Consumer<String> problem) {
        this.composer = composer;
        this.key = key;
        this.store = store;
        composer.textProperty().addListener((o, was, now) -> save());
        composer.startUrlProperty().addListener((o, was, now) -> save());
        composer.callerIdProperty().addListener((o, was, now) -> save());
        composer.queue().addListener((ListChangeListener<String>) c -> save());
        composer.attachments().items().addListener((ListChangeListener<AttachmentsViewModel.Item>) c -> save());
        io.execute(() -> {
            Draft saved;
            try {
                saved = store.get().draft(key).orElse(Draft.EMPTY);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    loading = false;
                    problem.accept("the saved draft could not be read: " + e.getMessage());
                });
                return;
            }
            ui.execute(() -> restore(saved));
        });
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

    private void restore(Draft saved) {
        loading = false;
        String typedMeanwhile = composer.textProperty().get();
        if (saved.isEmpty()) {
            if (current().hasContent()) {
                save();
            }
            return;
        }
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
    }
}
