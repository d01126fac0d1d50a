package dev.agentconsole.ui.console;

import dev.agentconsole.ui.Styles;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Opens the window in two steps: an empty shell at once, then the console view built on a worker
 * thread (nodes may be built off the FX thread until they join a scene). The class loading and
 * construction, about half a second on a cold JVM, then neither holds the first frame back nor
 * blocks the FX thread.
 */
public final class StagedWindow {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 820;

    private StagedWindow() {}

    /**
     * Shows {@code stage} with a shell now; calls {@code build} on a worker thread, then, on the FX
     * thread, puts the view in the scene, installs its keys and hands it to {@code ready}.
     */
    public static Scene show(Stage stage, Supplier<ConsoleView> build, Consumer<ConsoleView> ready) {
        Label starting = new Label("Starting…");
        starting.getStyleClass().add(Styles.EMPTY);
        StackPane shell = new StackPane(starting);
        shell.getStyleClass().add(Styles.ROOT);
        Scene scene = new Scene(shell, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(StagedWindow.class.getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);

        Thread builder = new Thread(() -> {
            try {
                ConsoleView view = build.get();
                warmUp(view, scene.getStylesheets());
                Platform.runLater(() -> {
                    if (!stage.isShowing()) {
                        return; // closed while it was being built
                    }
                    scene.setRoot(view);
                    view.installKeys(scene);
                    view.focusComposer();
                    ready.accept(view);
                });
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> starting.setText("The window could not be built: " + e));
                throw e;
            }
        }, "view-builder");
        builder.setDaemon(true);
        builder.start();
        stage.show();
        return scene;
    }

    /**
     * Styles and lays the view out once in a scene of its own, still off the FX thread (a scene may
     * be built and changed on any thread until a showing window holds it): controls get their skins,
     * and the CSS and layout code its first, slowest run, here rather than in the window's first pulse.
     * The window's scene styles the view again, but warm.
     */
    private static void warmUp(ConsoleView view, List<String> stylesheets) {
        Scene offscreen = new Scene(view, WIDTH, HEIGHT);
        try {
            offscreen.getStylesheets().setAll(stylesheets);
            view.applyCss();
            view.layout();
        } catch (RuntimeException e) {
            // Only a head start: the window's scene styles and lays out the view in any case.
            System.getLogger("window").log(System.Logger.Level.DEBUG, "styling the view ahead failed", e);
        } finally {
            offscreen.setRoot(new Group()); // lets the window's scene take the view
        }
    }
}
