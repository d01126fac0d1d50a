package dev.agentconsole.ui.search;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.store.SearchHit;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.console.ConsoleView;
import dev.agentconsole.ui.console.ConsoleViewModel;
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

/**
 * Puts search and export into the console window: the find bar above the transcript (Ctrl+F),
 * the search over every session (Ctrl+Shift+F) and the export dialog (Ctrl+Shift+E). The store is
 * only touched on this feature's own thread.
 */
public final class SearchUi {

    private static final String STYLESHEET = "/dev/agentconsole/ui/search/search.css";

    private final ConsoleView view;
    private final ConsoleViewModel vm;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search");
        t.setDaemon(true);
        return t;
    });
    /** The store once this feature's thread has it (it may open on first use). */
    private final AtomicReference<Store> opened = new AtomicReference<>();
    private final FindBarViewModel find;
    private final FindBarView findBar;
    private SearchPanel panel;
    private ExportDialog exportDialog;
    private boolean researchPending;

    private SearchUi(ConsoleView view, ConsoleViewModel vm) {
        this.view = view;
        this.vm = vm;
        Supplier<Optional<SessionKey>> bound = this::bound;
        find = new FindBarViewModel(new TranscriptFinder(this::store, bound, () -> vm.transcript().entries(), io),
                Platform::runLater);
        findBar = new FindBarView(find);
        // new matches (the transcript grew) are marked where they are; only moving to a match scrolls
        find.matches().addListener((InvalidationListener) o -> view.transcript().markMatches(find.matches(),
                find.currentProperty().get()));
        find.currentProperty().addListener((o, was, now) -> view.transcript().showMatches(find.matches(), now));
        // change listeners: an invalidation listener that never reads the value hears only the first change
        vm.transcript().revisionProperty().addListener((o, was, now) -> researchSoon());
        vm.boundSessionProperty().addListener((o, was, now) -> researchSoon());
    }

    /** Adds the find bar, the keys and the stylesheet to a console window. */
    public static void install(ConsoleView view, Scene scene, ConsoleViewModel vm) {
        SearchUi ui = new SearchUi(view, vm);
        Node center = view.getCenter();
        VBox.setVgrow(center, Priority.ALWAYS);
        view.setCenter(new VBox(ui.findBar, center));
        scene.getStylesheets().add(Objects.requireNonNull(SearchUi.class.getResource(STYLESHEET)).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), ui::openFind);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), ui::openPanel);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), ui::openExport);
    }

    private Store store() {
        Store s = opened.get();
        if (s == null) {
            s = vm.store();
            opened.set(s);
        }
        return s;
    }

    private Optional<SessionKey> bound() {
        Provider p = vm.boundProviderProperty().get();
        String id = vm.boundSessionProperty().get();
        return p == null || id == null || id.isBlank() ? Optional.empty() : Optional.of(SessionKey.of(p, id));
    }

    /** The transcript grew or another session was bound: search again, once per burst of changes. */
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
        if (view.getScene() == null || view.getScene().getWindow() == null) {
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
            panel = new SearchPanel(view.getScene().getWindow(), model);
        }
        panel.show();
    }

    private void openExport() {
        if (view.getScene() == null || view.getScene().getWindow() == null) {
            return;
        }
        if (exportDialog == null) {
            ExportViewModel model = new ExportViewModel(this::store, this::bound, vm::fetchImage, Platform::runLater, io);
            exportDialog = new ExportDialog(view.getScene().getWindow(), model);
        }
        exportDialog.show();
    }

    /** Shows a hit: in the bound session at once; another session is bound first, and shown when its row is there. */
    private void openAt(SearchHit hit) {
        String key = "e" + hit.position() + ":" + hit.kind();
        SessionKey session = hit.session();
        if (bound().equals(Optional.of(session))) {
            view.transcript().showMatches(List.of(key), key);
            return;
        }
        Provider provider;
        try {
            provider = Provider.fromCli(session.provider());
        } catch (IllegalArgumentException unknown) {
            return;
        }
        vm.providerProperty().set(provider);
        vm.sessionTextProperty().set(session.sessionId());
        vm.connect();
        ChangeListener<Number> reveal = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number was, Number now) {
                if (!bound().equals(Optional.of(session))) {
                    return;
                }
                if (vm.transcript().entries().stream().anyMatch(e -> e.key().equals(key))) {
                    vm.transcript().revisionProperty().removeListener(this);
                    view.transcript().showMatches(List.of(key), key);
                }
            }
        };
        vm.transcript().revisionProperty().addListener(reveal);
        view.getScene().getWindow().requestFocus();
    }
}
