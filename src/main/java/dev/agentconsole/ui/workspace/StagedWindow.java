package dev.agentconsole.ui.workspace;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.search.SearchUi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Opens the window in two steps: an empty shell at once, then the console's scene built, styled and
 * laid out on a worker thread (a scene may be built off the FX thread until a showing window holds it).
 * The class loading, construction and first CSS pass, most of a second on a cold JVM, then neither
 * hold the first frame back nor block the FX thread.
 */
public final class StagedWindow {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 820;

    private StagedWindow() {}

    /**
     * Shows {@code stage} with a shell now; calls {@code build} on a worker thread, styles and lays the view
     * out there in the scene it will keep, then, on the FX thread, puts that scene in the window, installs the
     * view's keys and hands it to {@code ready}. {@code build} gets the executor its ViewModel must use for
     * the FX thread: it holds their work until the view is in the window (see {@link HeldUntilShown}).
     */
    public static Scene show(Stage stage, Function<Executor, WorkspaceView> build, Consumer<WorkspaceView> ready) {
        return show(stage, build, ready, failure -> { });
    }

    /**
     * The same, and {@code failed} gets what was thrown, on the FX thread, when the view cannot be built
     * (the shell then says why in the window) or putting it in the window and {@code ready} throw: a
     * smoke run ends there instead of waiting. Styling ahead is only a head start: its failures are logged.
     */
    public static Scene show(Stage stage, Function<Executor, WorkspaceView> build, Consumer<WorkspaceView> ready,
                             Consumer<Throwable> failed) {
        // No text in the shell: JavaFX measures labels with one shared text layout, which the builder
        // thread uses too, so nothing on the FX thread may measure text until the view is in.
        StackPane shell = new StackPane();
        shell.getStyleClass().add(Styles.ROOT);
        shell.setAccessibleText("Agent Console is starting");
        Scene scene = new Scene(shell, WIDTH, HEIGHT);
        List<String> stylesheets = List.of(Objects.requireNonNull(StagedWindow.class.getResource(Styles.STYLESHEET)).toExternalForm(),
                SearchUi.stylesheet());
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        // Keys typed into the shell (the machine is busy, the operator already types) wait here, then go into the composer.
        TypedAhead typedAhead = new TypedAhead();
        scene.addEventFilter(KeyEvent.ANY, typedAhead);

        HeldUntilShown ui = new HeldUntilShown(Platform::runLater);
        Thread builder = new Thread(() -> {
            try {
                WorkspaceView view = build.apply(ui);
                Scene built = styled(view, stylesheets);
                Platform.runLater(() -> {
                    if (!stage.isShowing()) {
                        return; // closed while it was being built
                    }
                    scene.removeEventFilter(KeyEvent.ANY, typedAhead);
                    if (!stage.isMaximized() && !stage.isFullScreen()) {
                        // the size it has now, set: a window whose size was never set takes a new scene's size, and a
                        // resize (or a tiling window manager's placement) made while the view was built would be undone
                        stage.setWidth(stage.getWidth());
                        stage.setHeight(stage.getHeight());
                    }
                    stage.setScene(built);
                    try {
                        view.installKeys(built);
                        view.typeAhead(typedAhead.text());
                        view.focusComposer();
                        ui.open(); // the saved draft, if read by now, goes before what was typed ahead
                        ready.accept(view);
                    } catch (RuntimeException | Error e) {
                        System.getLogger("window").log(System.Logger.Level.ERROR, "the window could not be made ready", e);
                        failed.accept(e);
                    }
                });
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> {
                    scene.removeEventFilter(KeyEvent.ANY, typedAhead); // no composer is coming for what is typed
                    Label why = new Label("The window could not be built: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    why.getStyleClass().add(Styles.EMPTY);
                    why.setWrapText(true);
                    why.setMaxWidth(640);
                    shell.getChildren().setAll(why);
                    failed.accept(e);
                });
                System.getLogger("window").log(System.Logger.Level.ERROR, "the window could not be built", e);
            }
        }, "view-builder");
        builder.setDaemon(true);
        builder.start();
        stage.show();
        return scene;
    }

    /**
     * The window's scene, built off the FX thread (a scene may be built and changed on any thread until a
     * showing window holds it): the view's controls get their skins, its CSS is matched and it is laid out
     * here, with a transcript's rows styled once on the way ({@link WorkspaceView#warmUp()}). The view stays
     * in this scene for good: JavaFX forgets what it matched for a view that leaves its scene, and the window
     * would then match it all again on the FX thread. Taking this scene, the window restyles it from what was
     * matched here.
     */
    private static Scene styled(WorkspaceView view, List<String> stylesheets) {
        Scene built = new Scene(view, WIDTH, HEIGHT);
        built.getStylesheets().setAll(stylesheets);
        try {
            view.applyCss();
            view.layout();
            view.warmUp();
            view.applyCss(); // the session in front again, after the sample transcript
            view.layout();
        } catch (RuntimeException e) {
            // Only a head start: the window styles and lays out what is left in its own pulse.
            System.getLogger("window").log(System.Logger.Level.WARNING, "styling the view ahead failed", e);
        }
        return built;
    }

    /**
     * What the operator types while the window is still being built: characters are kept (Backspace
     * takes the last one back, Enter is a new line, never a send) and nothing reaches the shell. A
     * '\b' typed is a control character and dropped, so Backspace never counts twice.
     */
    static final class TypedAhead implements EventHandler<KeyEvent> {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void handle(KeyEvent e) {
            e.consume();
            if (e.getEventType() == KeyEvent.KEY_PRESSED && e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE
                    && text.length() > 0) {
                text.setLength(text.offsetByCodePoints(text.length(), -1)); // not every platform types a '\b'
            }
            if (e.getEventType() != KeyEvent.KEY_TYPED) {
                return;
            }
            String c = e.getCharacter();
            if (c == null || c.isEmpty() || c.equals(KeyEvent.CHAR_UNDEFINED) || e.isControlDown() || e.isMetaDown()
                    || e.isAltDown() && !e.isControlDown() && c.charAt(0) < 0x20) {
                return;
            }
            switch (c) {
                case "\r", "\n" -> text.append('\n');
                default -> c.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f).forEach(text::appendCodePoint);
            }
        }

        String text() {
            return text.toString();
        }
    }

    /**
     * The FX thread's executor for the view's model, shut until the view is in the window. The
     * model starts reading (recent sessions, the draft) as it is built, and its results change the
     * view's nodes: that must not happen on the FX thread while the builder thread styles and lays
     * the same nodes out. Once open, it runs what waited, in order, then passes work straight on.
     */
    static final class HeldUntilShown implements Executor {
        private final Executor fxThread;
        private final List<Runnable> held = new ArrayList<>();
        private boolean open;

        HeldUntilShown(Executor fxThread) {
            this.fxThread = fxThread;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                if (!open) {
                    held.add(task);
                    return;
                }
            }
            fxThread.execute(task);
        }

        /** On the FX thread, once the view is in the window. */
        void open() {
            List<Runnable> waiting;
            synchronized (this) {
                waiting = List.copyOf(held);
                held.clear();
                open = true;
            }
            waiting.forEach(Runnable::run); // anything posted meanwhile runs after these, as a later FX task
        }
    }
}
