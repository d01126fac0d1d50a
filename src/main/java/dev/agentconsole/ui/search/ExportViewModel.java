package dev.agentconsole.ui.search;

import dev.agentconsole.store.Archive;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.store.export.Export;
import dev.agentconsole.store.export.ExportOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Ctrl+Shift+E: the bound session to a file (Markdown, JSON or the HTML replay). The replay's
 * screenshots named by URL are fetched through the bound session (its key, its server), the way
 * the transcript shows them; the key itself never reaches the file. Written on {@code io}.
 */
public final class ExportViewModel {

    /** Fetches an image by URL through the bound session (blocking; the I/O thread calls it). */
    @FunctionalInterface
    public interface ImageFetcher {
        byte[] fetch(String url) throws Exception;
    }

    private final Supplier<Store> store;
    private final Supplier<Optional<SessionKey>> bound;
    private final ImageFetcher images;
    private final Executor ui;
    private final Executor io;
    private final ObjectProperty<Export.Format> format = new SimpleObjectProperty<>(this, "format", Export.Format.HTML);
    private final BooleanProperty hideIds = new SimpleBooleanProperty(this, "hideIds");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public ExportViewModel(Supplier<Store> store, Supplier<Optional<SessionKey>> bound, ImageFetcher images, Executor ui,
                           Executor io) {
        this.store = store;
        this.bound = bound;
        this.images = images;
        this.ui = ui;
        this.io = io;
    }

    public ObjectProperty<Export.Format> formatProperty() {
        return format;
    }

    public BooleanProperty hideIdsProperty() {
        return hideIds;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether a session is bound (there is something to export). */
    public boolean canExport() {
        return bound.get().isPresent();
    }

    /** A file name to offer: the session's id start and the format's extension. */
    public String suggestedName() {
        String id = bound.get().map(SessionKey::sessionId).orElse("session");
        return "session-" + id.substring(0, Math.min(8, id.length())) + "." + format.get().extension();
    }

    /** Writes the bound session to {@code file}; the status says where, or why not. */
    public void save(Path file) {
        Optional<SessionKey> key = bound.get();
        if (key.isEmpty()) {
            status.set("Bind a session first: there is nothing to export.");
            return;
        }
        Export.Format chosen = format.get();
        ExportOptions options = new ExportOptions(hideIds.get(), ExportOptions.fetchingWith(
                url -> new ExportOptions.Fetched(images.fetch(url), Optional.empty())));
        busy.set(true);
        status.set("Exporting…");
        io.execute(() -> {
            String said;
            try {
                Optional<Archive> archive = store.get().archive(key.get());
                if (archive.isEmpty()) {
                    said = "Nothing is stored for this session yet.";
                } else {
                    Export.write(archive.get(), chosen, options, file);
                    said = "Saved " + file.getFileName() + " (" + archive.get().events().size() + " events).";
                }
            } catch (Exception e) {
                said = "Could not export: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
            String told = said;
            ui.execute(() -> {
                busy.set(false);
                status.set(told);
            });
        });
    }
}
