package dev.agentconsole.ui.workspace;

import dev.agentconsole.store.SessionKey;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.LinkOpener;
import dev.agentconsole.ui.MessageBar;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.about.AboutDialog;
import dev.agentconsole.ui.connect.ConnectView;
import dev.agentconsole.ui.search.SearchUi;
import dev.agentconsole.ui.session.SessionView;
import dev.agentconsole.ui.session.SessionViewModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The whole window: the connect form on top, the sidebar (inbox and sessions) on the left, and the
 * session in front (or the wall) in the middle. Only the session in front is in the scene; the others
 * keep their views aside, so each keeps its place in the transcript and what its composer holds.
 */
public final class WorkspaceView extends BorderPane {

    private final WorkspaceViewModel vm;
    private final LinkOpener openInBrowser;
    private final ConnectView connect;
    private final StackPane stage = new StackPane();
    private final Map<SessionViewModel, SessionView> views = new HashMap<>();
    private final WallView wall;
    private final SearchUi search;
    private final Label empty = new Label("No session open. Paste a session id above and press Connect, or press New.");
    /** Narrower than this, the sidebar folds away unless the operator opened it. */
    static final double SIDEBAR_FROM_WIDTH = 1000;
    private final SidebarView sidebar;
    private final javafx.beans.property.BooleanProperty sidebarShown = new javafx.beans.property.SimpleBooleanProperty(true);
    /** The operator showed or hid the sidebar: the window's width no longer decides. */
    private boolean sidebarChosen;
    /** Typed while the window was opening, before any session was open: goes into the first one's composer. */
    private String typedAhead = "";

    public WorkspaceView(WorkspaceViewModel vm, LinkOpener openInBrowser, BooleanProperty dark) {
        this.vm = vm;
        this.openInBrowser = openInBrowser;
        getStyleClass().add(Styles.ROOT);
        connect = new ConnectView(vm.form(), dark, this::showAbout);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissStoreWarning");
        dismiss.setTooltip(new Tooltip("Hide this message; the status line still says when nothing is saved"));
        dismiss.setOnAction(e -> vm.storeWarning().dismiss());
        setTop(new VBox(connect, MessageBar.of("storeWarning", Feather.ALERT_TRIANGLE, vm.storeWarning().messageProperty(),
                dismiss, Styles.STORE_WARNING)));
        sidebar = new SidebarView(vm, this::toggleSidebar);
        VBox rail = new VBox(6, sidebarToggle());
        rail.setId("sidebarRail");
        rail.getStyleClass().add(Styles.SIDEBAR);
        sidebarShown.addListener((o, was, shown) -> setLeft(shown ? sidebar : rail));
        setLeft(sidebar);
        // beside a browser the sessions' room comes first: the sidebar folds away (its toggle says who waits)
        widthProperty().addListener((o, was, now) -> {
            if (!sidebarChosen) {
                sidebarShown.set(now.doubleValue() >= SIDEBAR_FROM_WIDTH);
            }
        });
        wall = new WallView(vm);
        empty.getStyleClass().add(Styles.EMPTY);
        empty.setWrapText(true);
        stage.setId("sessionStage");
        setCenter(stage);
        search = SearchUi.attach(stage, new SearchHost(vm, this));
        vm.frontProperty().addListener((o, was, now) -> showFront());
        vm.wallShownProperty().addListener((o, was, now) -> showFront());
        vm.sessions().addListener((ListChangeListener<SessionViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(s -> Optional.ofNullable(views.remove(s)).ifPresent(SessionView::dispose));
            }
        });
        showFront();
    }

    /** The folded sidebar's one button: it opens the sidebar again, and says how many agents wait meanwhile. */
    private Button sidebarToggle() {
        Button open = new Button(null, Icons.of(Feather.SIDEBAR));
        open.setId("sidebarToggle");
        open.setOnAction(e -> toggleSidebar());
        Runnable words = () -> {
            int waiting = vm.inbox().waiting().size();
            open.setText(waiting > 0 ? String.valueOf(waiting) : null);
            open.getStyleClass().remove("accent");
            if (waiting > 0) {
                open.getStyleClass().add("accent");
            }
            open.setAccessibleText(waiting == 0 ? "Show the sessions" : vm.inbox().summaryProperty().get() + ": show the sessions");
        };
        vm.inbox().waiting().addListener((ListChangeListener<SessionViewModel>) c -> words.run());
        words.run();
        open.setTooltip(new Tooltip("Show the sessions and the \u201cneeds me\u201d inbox (Ctrl+B)"));
        return open;
    }

    /** Ctrl+B. */
    void toggleSidebar() {
        sidebarChosen = true;
        sidebarShown.set(!sidebarShown.get());
    }

    private void showFront() {
        SessionViewModel s = vm.front();
        Node shown;
        if (vm.wallShownProperty().get()) {
            shown = wall;
        } else if (s == null) {
            shown = empty;
        } else {
            SessionView view = views.computeIfAbsent(s, k -> new SessionView(k, openInBrowser,
                    vm.storeWarning().savingProperty(), vm.storeWarning().notSavingReasonProperty(),
                    key -> vm.connectWithKey(k, key)));
            if (!typedAhead.isEmpty()) {
                view.typeAhead(typedAhead);
                typedAhead = "";
            }
            shown = view;
        }
        stage.getChildren().setAll(shown);
        if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage window) {
            window.setTitle(s == null ? "Agent Console" : "Agent Console · " + s.describe());
        }
    }

    /**
     * Off the FX thread, before the window shows: a transcript's rows are styled and laid out once,
     * so their classes and styles have had their first, slow run before the first session's events come.
     */
    void warmUp() {
        dev.agentconsole.ui.ImageLoader images = new dev.agentconsole.ui.ImageLoader();
        try {
            dev.agentconsole.ui.chat.TranscriptView sample = new dev.agentconsole.ui.chat.TranscriptView(
                    new dev.agentconsole.ui.chat.TranscriptViewModel(),
                    new dev.agentconsole.ui.chat.TranscriptView.Actions(q -> { }, id -> { }, id -> { }), images);
            stage.getChildren().setAll(sample);
            applyCss();
            layout();
            sample.warmUpRows();
        } finally {
            images.close();
            showFront();
        }
    }

    /** The view of the session in front; empty when none is (or the wall shows). */
    public Optional<SessionView> frontView() {
        SessionViewModel s = vm.front();
        return s == null || vm.wallShownProperty().get() ? Optional.empty() : Optional.ofNullable(views.get(s));
    }

    public ConnectView connect() {
        return connect;
    }

    /** Scene-wide keys; call once the view is in its scene. */
    public void installKeys(Scene scene) {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> onFront(SessionViewModel::pauseOrResume));
        keys.put(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> onFront(SessionViewModel::requestStop));
        keys.put(new KeyCodeCombination(KeyCode.F1), this::showAbout);
        keys.put(new KeyCodeCombination(KeyCode.F2), () -> {
            sidebarShown.set(true);
            sidebar.renameFront();
        });
        search.installKeys(scene);
        keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            if (scene.getWindow() != null) {
                scene.getWindow().fireEvent(new javafx.stage.WindowEvent(scene.getWindow(),
                        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
                if (scene.getWindow() instanceof javafx.stage.Stage window) {
                    window.close();
                }
            }
        });
        keys.put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), vm::closeFront);
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), connect::focusSessionField);
        keys.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), this::toggleSidebar);
        keys.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                () -> vm.wallShownProperty().set(!vm.wallShownProperty().get()));
        for (int n = 1; n <= 9; n++) {
            int number = n;
            keys.put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.SHORTCUT_DOWN), () -> {
                vm.showNumber(number);
                focusComposer();
            });
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && e.isShortcutDown()) {
                vm.cycle(e.isShiftDown() ? -1 : 1); // before the focus moves: Ctrl+Tab is the sessions' key here
                focusComposer();
                e.consume();
            } else if (e.getCode() != KeyCode.ESCAPE || escapeIsTheFieldsOwn(scene)) {
                return;
            } else if (vm.wall().confirmationProperty().get() != null) {
                vm.wall().dismiss();
                e.consume();
            } else if (vm.front() != null && vm.front().confirmationProperty().get() != null) {
                vm.front().dismissConfirmation(); // Esc dismisses a pending question; it never throws away typed text
                focusComposer();
                e.consume();
            }
        });
        if (scene.getWindow() != null) {
            vm.windowFocusedProperty().bind(scene.getWindow().focusedProperty());
        }
        scene.windowProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.windowFocusedProperty().bind(now.focusedProperty());
            }
        });
        showFront();
    }

    /**
     * The focus is in a field whose Esc means something of its own there (a rename, the find bar, an inbox reply,
     * the connect form): a confirmation waiting elsewhere does not take the key from it. The composer's fields
     * (the message, the start URL, the caller id) give their Esc to the confirmation: they have no other use for it.
     */
    private boolean escapeIsTheFieldsOwn(Scene scene) {
        SessionView front = vm.front() == null ? null : views.get(vm.front());
        if (!(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl field)) {
            return false;
        }
        for (Node n = field; n != null; n = n.getParent()) {
            if (front != null && n == front.composer()) {
                return false; // the message, the start URL, the caller id: the composer's, as is the question
            }
        }
        return true;
    }

    private void onFront(java.util.function.Consumer<SessionViewModel> command) {
        if (vm.front() != null) {
            command.accept(vm.front());
        }
    }

    /** The About dialog, over this window; the sessions go on behind it. */
    public void showAbout() {
        if (getScene() != null && getScene().getWindow() != null) {
            new AboutDialog(getScene().getWindow(), vm.about(), openInBrowser).show();
        }
    }

    /** Text typed before the view was in the window goes into the front session's message (or the first one opened). */
    public void typeAhead(String text) {
        frontView().ifPresentOrElse(v -> v.typeAhead(text), () -> typedAhead = typedAhead + text);
    }

    public void focusComposer() {
        frontView().ifPresent(SessionView::focusComposer);
    }

    /** The key of the session in front, for search and export. */
    Optional<SessionKey> frontKey() {
        return Optional.ofNullable(vm.front()).map(SessionViewModel::key);
    }
}
