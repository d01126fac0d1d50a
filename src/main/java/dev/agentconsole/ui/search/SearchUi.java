package dev.agentconsole.ui.search;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.store.SearchHit;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.chat.TranscriptView;
import dev.agentconsole.ui.chat.TranscriptViewModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Puts search and export into the console window: the find bar above the transcript (Ctrl+F),
 * the search over every session (Ctrl+Shift+F) and the export dialog (Ctrl+Shift+E). The store is
 * only touched on this feature's own thread.
 */
public final class SearchUi {

    /** The window search works in: its session in front, and how to open another. The FX thread only. */
    public interface Host {
        /** The session in front, if any. */
        Optional<SessionKey> bound();

        /** The transcript of the session in front, and its view. */
        Optional<TranscriptViewModel> transcript();

        Optional<TranscriptView> transcriptView();

        /** Changes whenever another session comes in front. */
        ObservableValue<?> frontChanges();

        /** Fetches a picture named by URL through the session in front; blocks (export's thread). */
        byte[] fetchImage(String url);

        /** May open the store: off the FX thread. */
        Store store();

        /** Opens the session (or brings it forward) in the window. */
        void open(Provider provider, SessionKey key);

        Window window();
    }

    private static final String STYLESHEET = "/dev/agentconsole/ui/search/search.css";

    private final Host host;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search");
        t.setDaemon(true);
        return t;
    });
    /** The store once this feature's thread has it (it may open on first use). */
    private final AtomicReference<Store> opened = new AtomicReference<>();
    private final FindBarViewModel find;
    private final FindBarView findBar;
    private final ChangeListener<Number> grew = (o, was, now) -> researchSoon();
    private TranscriptViewModel followed;
    private SearchPanel panel;
    private ExportDialog exportDialog;
    private boolean researchPending;

    private SearchUi(Host host) {
        this.host = host;
        Supplier<Optional<SessionKey>> bound = host::bound;
        find = new FindBarViewModel(new TranscriptFinder(this::store, bound,
                () -> host.transcript().map(TranscriptViewModel::entries).orElse(List.of()), io), Platform::runLater);
        findBar = new FindBarView(find);
        // new matches (the transcript grew) are marked where they are; only moving to a match scrolls
        find.matches().addListener((InvalidationListener) o -> host.transcriptView().ifPresent(v -> v.markMatches(find.matches(),
                find.currentProperty().get())));
        find.currentProperty().addListener((o, was, now) -> host.transcriptView().ifPresent(v -> v.showMatches(find.matches(), now)));
        // change listeners: an invalidation listener that never reads the value hears only the first change
        host.frontChanges().addListener((o, was, now) -> follow());
        follow();
    }

    /** Searches again as the transcript in front grows, and when another session comes in front. */
    private void follow() {
        if (followed != null) {
            followed.revisionProperty().removeListener(grew);
        }
        followed = host.transcript().orElse(null);
        if (followed != null) {
            followed.revisionProperty().addListener(grew);
        }
        researchSoon();
    }

    /** The find bar's and the panel's stylesheet, for the window's scene (a change of a scene's stylesheets restyles it all). */
    public static String stylesheet() {
        return Objects.requireNonNull(SearchUi.class.getResource(STYLESHEET)).toExternalForm();
    }

    /**
     * Adds the find bar above {@code content}, which must be in a BorderPane's center; with the view, before it
     * joins the window (see {@link #installKeys}).
     */
    public static SearchUi attach(Node content, Host host) {
        SearchUi ui = new SearchUi(host);
        javafx.scene.layout.BorderPane parent = (javafx.scene.layout.BorderPane) content.getParent();
        VBox.setVgrow(content, Priority.ALWAYS);
        parent.setCenter(new VBox(ui.findBar, content));
        return ui;
    }

    /** The keys, and the stylesheet where the scene lacks it; once the view is in the window's scene. */
    public void installKeys(Scene scene) {
        if (!scene.getStylesheets().contains(stylesheet())) {
            scene.getStylesheets().add(stylesheet());
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::openFind);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::openPanel);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::openExport);
    }

    private Store store() {
        Store s = opened.get();
        if (s == null) {
            s = host.store();
            opened.set(s);
        }
        return s;
    }

    private Optional<SessionKey> bound() {
        return host.bound();
    }

    /** The transcript grew or another session came in front: search again, once per burst of changes. */
    private void researchSoon() {
        if (!find.showingProperty().get() || researchPending) {
            return;
        }
        researchPending = true;
        Platform.runLater(() -> {
            researchPending = false;
            find.search();
        });
    }

    private void openFind() {
        find.open();
        findBar.focusField();
    }

    private void openPanel() {
        if (host.window() == null) {
            return;
        }
        if (panel == null) {
            SearchPanelViewModel model = new SearchPanelViewModel(new SearchPanelViewModel.Searcher() {
                @Override
                public CompletableFuture<List<SearchHit>> search(String query) {
                    return CompletableFuture.supplyAsync(() -> store().search(query, Optional.empty(),
                            SearchPanelViewModel.LIMIT), io);
                }

                @Override
                public SearchHit.Progress progress() {
                    Store s = opened.get();
                    return s == null ? new SearchHit.Progress(0, 0) : s.indexProgress();
                }
            }, Platform::runLater, this::openAt);
            panel = new SearchPanel(host.window(), model);
        }
        panel.show();
    }

    private void openExport() {
        if (host.window() == null) {
            return;
        }
        if (exportDialog == null) {
            ExportViewModel model = new ExportViewModel(this::store, this::bound, host::fetchImage, Platform::runLater, io);
            exportDialog = new ExportDialog(host.window(), model);
        }
        exportDialog.show();
    }

    /** Shows a hit: in the session in front at once; another session is opened first, and shown when its row is there. */
    private void openAt(SearchHit hit) {
        String key = "e" + hit.position() + ":" + hit.kind();
        SessionKey session = hit.session();
        if (bound().equals(Optional.of(session))) {
            host.transcriptView().ifPresent(v -> v.showMatches(List.of(key), key));
            return;
        }
        Provider provider;
        try {
            provider = Provider.fromCli(session.provider());
        } catch (IllegalArgumentException unknown) {
            return;
        }
        host.open(provider, session);
        ChangeListener<Number> reveal = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number was, Number now) {
                Optional<TranscriptViewModel> t = host.transcript();
                if (!bound().equals(Optional.of(session)) || t.isEmpty()) {
                    return;
                }
                if (t.get().entries().stream().anyMatch(e -> e.key().equals(key))) {
                    t.get().revisionProperty().removeListener(this);
                    host.transcriptView().ifPresent(v -> v.showMatches(List.of(key), key));
                }
            }
        };
        host.transcript().filter(t -> bound().equals(Optional.of(session))).ifPresent(t -> t.revisionProperty().addListener(reveal));
        if (host.window() != null) {
            host.window().requestFocus();
        }
    }
}
