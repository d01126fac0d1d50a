package dev.agentconsole.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline for start-up and memory: a bare JavaFX window of the same size, nothing else. */
public final class BareWindow {

    private BareWindow() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /**
     * Prints "first-frame-ms=" (from the JVM's start) at the scene's first post-layout pulse; with
     * "--exit-after-first-frame" exits there (a training run for a CDS class list).
     */
    static void reportFirstFrame(Scene scene, List<String> args) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first-frame-ms=" + ms);
                System.out.flush();
                scene.removePostLayoutPulseListener(this);
                if (args.contains("--exit-after-first-frame")) {
                    Platform.exit();
                }
            }
        });
    }

    /** The JavaFX application (kept apart from main: a main class that extends Application needs JavaFX on the module path). */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("bare window")), 1280, 820);
            reportFirstFrame(scene, getParameters().getRaw());
            stage.setScene(scene);
            stage.show();
        }
    }
}
